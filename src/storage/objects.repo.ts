import { eq } from 'drizzle-orm';
import { storedObjects } from '../db/schema/index.js';
import type { Db } from '../db/types.js';

export type StoredObjectRow = typeof storedObjects.$inferSelect;

/** Records an object; a row for the same bytes may exist already (content addressing). */
export async function insertStoredObject(db: Db, row: { sha256: string; size: number; contentType: string; storageKey: string }): Promise<void> {
  await db.insert(storedObjects).values(row).onConflictDoNothing({ target: storedObjects.sha256 });
}

export async function findStoredObject(db: Db, sha256: string): Promise<StoredObjectRow | undefined> {
  const [row] = await db.select().from(storedObjects).where(eq(storedObjects.sha256, sha256)).limit(1);
  return row;
}

/**
 * Deletes the row when nothing references it any more (every reference is a restricting foreign
 * key, so a referenced row makes the delete fail and stays). True when it was deleted. Call it
 * outside a transaction: the failed delete would abort one.
 */
export async function deleteStoredObjectIfUnreferenced(db: Db, sha256: string): Promise<boolean> {
  try {
    const rows = await db.delete(storedObjects).where(eq(storedObjects.sha256, sha256)).returning({ sha256: storedObjects.sha256 });
    return rows.length > 0;
  } catch {
    return false;
  }
}
