import { asc, eq } from 'drizzle-orm';
import { registrantCodes, registrants } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { RegistrantCodeRow, RegistrantRow } from './registrants.repo.js';

/** Every registrant with its own codes (pool codes excluded), codes oldest first. */
export async function registrantsWithCodes(db: Db): Promise<{ registrant: RegistrantRow; codes: RegistrantCodeRow[] }[]> {
  const rows = await db
    .select({ registrant: registrants, code: registrantCodes })
    .from(registrants)
    .leftJoin(registrantCodes, eq(registrantCodes.registrantId, registrants.id))
    .orderBy(asc(registrants.id), asc(registrantCodes.createdAt), asc(registrantCodes.code));
  const byId = new Map<string, { registrant: RegistrantRow; codes: RegistrantCodeRow[] }>();
  for (const row of rows) {
    let entry = byId.get(row.registrant.id);
    if (entry === undefined) {
      entry = { registrant: row.registrant, codes: [] };
      byId.set(row.registrant.id, entry);
    }
    if (row.code !== null) {
      entry.codes.push(row.code);
    }
  }
  return [...byId.values()];
}
