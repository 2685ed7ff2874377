import type { Lock, Locker } from '@tus/server';

/**
 * One user's upload creations, one at a time, until each new upload's info file is on the disk.
 * The cap on unfinished uploads (MAX_UNFINISHED_UPLOADS_PER_USER) counts those files, and tus
 * writes the new one only after the creation hook has said yes: without this, requests sent at
 * once all count the same files and all pass.
 *
 * In this process the creations queue on a promise chain per user (no polling). Across processes
 * the first in each process's queue also takes the upload locker's lock on `creation:<userId>`
 * (upload-locks.ts: a PostgreSQL advisory lock; absent on PGlite, where one process is all there is).
 * A creation holds it for milliseconds, so it is never asked to let go.
 */
export interface CreationLocks {
  /** Waits for `userId`'s turn; the returned function ends it (again: nothing). */
  acquire(userId: string): Promise<() => Promise<void>>;
}

/** Nothing to let go of early: the creation ends on its own in a moment. */
const keepUntilDone = (): Promise<void> => Promise.resolve();

export function createCreationLocks(locker: Locker | undefined): CreationLocks {
  /** The end of each user's queue: resolves when the last creation queued so far is over. */
  const tails = new Map<string, Promise<void>>();

  return {
    async acquire(userId) {
      const previous = tails.get(userId) ?? Promise.resolve();
      let endTurn = (): void => undefined;
      const turn = new Promise<void>((resolve) => {
        endTurn = resolve;
      });
      const tail = previous.then(() => turn);
      tails.set(userId, tail);
      const leave = () => {
        endTurn();
        if (tails.get(userId) === tail) {
          tails.delete(userId);
        }
      };
      await previous;
      let shared: Lock | undefined;
      if (locker !== undefined) {
        shared = locker.newLock(`creation:${userId}`);
        try {
          await shared.lock(new AbortController().signal, keepUntilDone);
        } catch (err) {
          leave();
          throw err;
        }
      }
      let ended: Promise<void> | undefined;
      return () =>
        (ended ??= (async () => {
          try {
            await shared?.unlock();
          } finally {
            leave();
          }
        })());
    },
  };
}
