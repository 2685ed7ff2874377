import { eq, sql } from 'drizzle-orm';
import { registrantChangeRequests, storedObjects } from '../db/schema/index.js';
import { rowsOf } from '../db/rows.js';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '../db/tx.js';
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

/** First key of the two-key advisory locks taken on content addresses (a project-chosen constant). */
const OBJECT_LOCK_CLASS = 0x150b_0001;

/**
 * Takes the transaction-scoped lock on one content address: committing an object (storeStaged) and
 * releasing it (releaseObject) take it, so a release never deletes bytes that a commit running at
 * the same time has just found in storage and is about to reference.
 */
export async function lockObjectAddress(db: Db, sha256: string): Promise<void> {
  const objectKey = Number.parseInt(sha256.slice(0, 8), 16) | 0;
  await db.execute(sql`select pg_advisory_xact_lock(${OBJECT_LOCK_CLASS}::int, ${objectKey}::int)`);
}

/**
 * Change requests keep their attachment as JSON (no foreign key), so their references are looked
 * up by hash here; every other reference is a restricting foreign key.
 */
async function attachedToChangeRequest(db: Db, sha256: string): Promise<boolean> {
  const rows = await db
    .select({ id: registrantChangeRequests.id })
    .from(registrantChangeRequests)
    .where(sql`${registrantChangeRequests.attachment} ->> 'sha256' = ${sha256}`)
    .limit(1);
  return rows.length > 0;
}

/**
 * Deletes the row when nothing references it any more: no change request's attachment, and no
 * restricting foreign key (a referenced row makes the delete fail, inside a savepoint when `db` is a
 * transaction, and it stays). True when it was deleted.
 */
export async function deleteStoredObjectIfUnreferenced(db: Db, sha256: string): Promise<boolean> {
  if (await attachedToChangeRequest(db, sha256)) {
    return false;
  }
  try {
    const rows = await db.transaction(async (sp) => sp.delete(storedObjects).where(eq(storedObjects.sha256, sha256)).returning({ sha256: storedObjects.sha256 }));
    return rows.length > 0;
  } catch (err) {
    // ON DELETE RESTRICT answers 23001 (restrict_violation), NO ACTION 23503.
    const code = pgErrorCode(err);
    if (code === PG_FOREIGN_KEY_VIOLATION || code === '23001') {
      return false;
    }
    throw err;
  }
}

/**
 * Objects recorded before `cutoff` that no cover, thumbnail, track audio, deposited file or change
 * request refers to: candidates only. Each is released under its lock (releaseObject), where the
 * restricting foreign keys decide, so a reference this list does not know of still keeps an object.
 */
export async function unreferencedObjectsBefore(db: Db, cutoff: Date, limit: number): Promise<Array<{ sha256: string; storageKey: string }>> {
  const rows = await db.execute(sql`
    select o.sha256, o.storage_key as "storageKey" from stored_objects o
    where o.created_at < ${cutoff.toISOString()}::timestamptz
      and not exists (select 1 from album_covers c where c.object_sha256 = o.sha256 or c.thumbnail_sha256 = o.sha256)
      and not exists (select 1 from track_audio a where a.object_sha256 = o.sha256)
      and not exists (select 1 from audio_deposit_files d where d.object_sha256 = o.sha256)
      and not exists (select 1 from registrant_change_requests r where r.attachment ->> 'sha256' = o.sha256)
    order by o.created_at
    limit ${limit}`);
  return rowsOf(rows).map((r) => ({ sha256: String(r.sha256), storageKey: String(r.storageKey) }));
}
