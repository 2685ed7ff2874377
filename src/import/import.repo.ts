import { and, eq } from 'drizzle-orm';
import { importPreviews } from '../db/schema/index.js';
import type { Db } from '../db/types.js';

/** Stored previews of 專輯匯入, always read within their registrant. */

export type ImportPreviewRow = typeof importPreviews.$inferSelect;
export type NewImportPreviewRow = typeof importPreviews.$inferInsert;

export async function insertImportPreview(db: Db, row: NewImportPreviewRow): Promise<ImportPreviewRow> {
  const [inserted] = await db.insert(importPreviews).values(row).returning();
  if (inserted === undefined) {
    throw new Error('insert returned no import preview');
  }
  return inserted;
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
