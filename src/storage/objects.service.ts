import type { ServiceContext, TxContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { deleteStoredObjectIfUnreferenced, findStoredObject, insertStoredObject } from './objects.repo.js';
import type { StagedFile } from './staging.js';
import type { FileStorage } from './storage.js';

/** What a referencing row (a cover, a track's audio, an attachment) points at. */
export interface CommittedObject {
  sha256: string;
  size: number;
  contentType: string;
  storageKey: string;
}

export function storageOf(ctx: ServiceContext): FileStorage {
  if (ctx.storage === undefined) {
    throw new Error('file storage is not configured');
  }
  return ctx.storage;
}

/**
 * Commits checked staged files to storage and runs `use` in one transaction that records them in
 * `stored_objects` and writes whatever references them. When `use` fails, objects nothing else
 * references are removed again: a failed upload leaves no object and no row. The staged files are
 * discarded either way.
 */
export async function storeStaged<T>(
  ctx: ServiceContext,
  files: ReadonlyArray<{ staged: StagedFile; contentType: string }>,
  use: (tx: TxContext, objects: CommittedObject[]) => Promise<T>,
): Promise<T> {
  const storage = storageOf(ctx);
  const committed: CommittedObject[] = [];
  try {
    for (const { staged, contentType } of files) {
      const storageKey = await storage.putFile(staged.path, staged);
      committed.push({ sha256: staged.sha256, size: staged.size, contentType, storageKey });
    }
    return await withTransaction(ctx, async (tx) => {
      for (const object of committed) {
        await insertStoredObject(tx.db, object);
      }
      return use(tx, committed);
    });
  } catch (err) {
    await Promise.all(committed.map((object) => releaseObject(ctx, object.sha256, object.storageKey)));
    throw err;
  } finally {
    await Promise.all(files.map(({ staged }) => staged.discard()));
  }
}

/**
 * Removes an object from storage once nothing references it (a replaced cover, a failed upload).
 * Safe to call for a referenced object: it then stays.
 */
export async function releaseObject(ctx: ServiceContext, sha256: string, storageKey: string): Promise<void> {
  const row = await findStoredObject(ctx.db, sha256);
  if (row !== undefined && !(await deleteStoredObjectIfUnreferenced(ctx.db, sha256))) {
    return;
  }
  await storageOf(ctx).delete(storageKey);
}
