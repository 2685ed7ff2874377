import { and, eq } from 'drizzle-orm';
import { importPreviews } from '../db/schema/index.js';
import type { Db } from '../db/types.js';

/** Stored previews of 專輯匯入, always read within their registrant. */

export type ImportPreviewRow = typeof importPreviews.$inferSelect;
export type NewImportPreviewRow = typeof importPreviews.$inferInsert;

/**
 * The payload is not read back: it is the one just written (up to a few MB for a catalogue), and
 * sending it back and parsing it again cost as much as writing it.
 */
export async function insertImportPreview(db: Db, row: NewImportPreviewRow & { payload: unknown }): Promise<ImportPreviewRow> {
  const [inserted] = await db.insert(importPreviews).values(row).returning({
    id: importPreviews.id,
    createdAt: importPreviews.createdAt,
    confirmedAt: importPreviews.confirmedAt,
    albumIds: importPreviews.albumIds,
    coverStagingKey: importPreviews.coverStagingKey,
  });
  if (inserted === undefined) {
    throw new Error('insert returned no import preview');
  }
  return { ...row, ...inserted };
}

export async function findImportPreview(db: Db, id: string, registrantId: string): Promise<ImportPreviewRow | undefined> {
  const [row] = await db
    .select()
    .from(importPreviews)
    .where(and(eq(importPreviews.id, id), eq(importPreviews.registrantId, registrantId)))
    .limit(1);
  return row;
}

/** The preview locked for its confirm: a second confirm waits here, then sees the first one's albums. */
export async function lockImportPreview(db: Db, id: string, registrantId: string): Promise<ImportPreviewRow | undefined> {
  const [row] = await db
    .select()
    .from(importPreviews)
    .where(and(eq(importPreviews.id, id), eq(importPreviews.registrantId, registrantId)))
    .limit(1)
    .for('update');
  return row;
}

export async function markImportConfirmed(db: Db, id: string, albumIds: string[], at: Date): Promise<void> {
  await db.update(importPreviews).set({ confirmedAt: at, albumIds }).where(eq(importPreviews.id, id));
}
