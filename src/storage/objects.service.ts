import type { ServiceContext, TxContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { deleteStoredObjectIfUnreferenced, findStoredObject, insertStoredObject, lockObjectAddress } from './objects.repo.js';
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
    // The long part (copying or uploading the bytes) runs outside the transaction.
    for (const { staged, contentType } of files) {
      // Staged files were counted and hashed as they were written (stageUpload, stagedFileAt).
      const storageKey = await storage.putFile(staged.path, staged, { hashed: true });
      committed.push({ sha256: staged.sha256, size: staged.size, contentType, storageKey });
    }
    return await withTransaction(ctx, async (tx) => {
      // Addresses in one order, so two commits sharing objects cannot wait on each other.
      const order = files.map((file, i) => ({ file, object: committed[i] })).sort((a, b) => (a.file.staged.sha256 < b.file.staged.sha256 ? -1 : 1));
      for (const { file, object } of order) {
        if (object === undefined) {
          continue;
        }
        await lockObjectAddress(tx.db, object.sha256);
        await insertStoredObject(tx.db, object);
        // A release of the same bytes may have deleted them since putFile found them there; under
        // the lock they are put back, and no release can run until this transaction is over.
        if ((await storage.stat(object.storageKey))?.size !== object.size) {
          await storage.putFile(file.staged.path, file.staged, { hashed: true });
        }
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
 * Safe to call for a referenced object: it then stays. A key without a `stored_objects` row (a file
 * stored before content addressing) is simply deleted. Call it outside a transaction. True when the
 * bytes were deleted.
 */
export async function releaseObject(ctx: ServiceContext, sha256: string, storageKey: string): Promise<boolean> {
  const storage = storageOf(ctx);
  return withTransaction(ctx, async (tx) => {
    await lockObjectAddress(tx.db, sha256);
    const row = await findStoredObject(tx.db, sha256);
    // A legacy key holding the same bytes as a content-addressed object leaves that object alone.
    if (row !== undefined && row.storageKey === storageKey && !(await deleteStoredObjectIfUnreferenced(tx.db, sha256))) {
      return false;
    }
    // Still under the lock: a commit of the same bytes waits, then finds them gone and puts them back.
    await storage.delete(storageKey);
    return true;
  });
}
