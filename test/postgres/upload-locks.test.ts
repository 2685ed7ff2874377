import { ERRORS, type Lock } from '@tus/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgUploadLocks, type UploadLocks } from '../../src/media/upload-locks.js';
import { isAppError } from '../../src/shared/errors.js';

// Two lockers on one database stand for two server processes behind nginx: a resumable upload's
// lock must hold across both (issue 17), and a request resuming on the other instance must get the
// lock by asking the stale holder to let go, as tus's own in-memory locker does within a process.

const URL = process.env.DATABASE_URL;
if (URL === undefined || !/^postgres(ql)?:\/\//.test(URL)) {
  throw new Error('test/postgres needs a PostgreSQL server: set DATABASE_URL=postgres://user@host:port/db (these tests never run on PGlite).');
}

const opened: UploadLocks[] = [];
function instance(acquireTimeoutMs: number): UploadLocks {
  const locks = createPgUploadLocks(URL ?? '', { acquireTimeoutMs });
  opened.push(locks);
  return locks;
}

afterAll(async () => {
  await Promise.all(opened.map((l) => l.close()));
});

const uploadId = () => `test-${crypto.randomUUID()}`;
const never = () => new AbortController().signal;

describe('upload locks shared by every process (PostgreSQL advisory locks)', () => {
  it('makes a request on another instance wait for the holder, who is asked to let go, and then get the lock', async () => {
    const a = instance(10_000);
    const b = instance(10_000);
    const id = uploadId();
    const held: Lock = a.locker.newLock(id);
    const events: string[] = [];
    await held.lock(never(), async () => {
      events.push('a asked to release');
      await held.unlock();
      events.push('a released');
    });
    const started = Date.now();
    const taken = b.locker.newLock(id);
    await taken.lock(never(), () => undefined);
    events.push('b locked');
    expect(events).toEqual(['a asked to release', 'a released', 'b locked']);
    expect(Date.now() - started).toBeLessThan(5000);
    await taken.unlock();
  });

  it('refuses after the timeout when the holder does not let go, and leaves other uploads free', async () => {
    const a = instance(10_000);
    const b = instance(400);
    const id = uploadId();
    let asked = 0;
    const stubborn = a.locker.newLock(id);
    await stubborn.lock(never(), () => {
      asked++;
    });
    await expect(b.locker.newLock(id).lock(never(), () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(asked).toBeGreaterThan(0);
    // Another upload is not blocked by this one.
    const other = b.locker.newLock(uploadId());
    await other.lock(never(), () => undefined);
    await other.unlock();
    // Once released, the lock is free for the other instance at once.
    await stubborn.unlock();
    const next = b.locker.newLock(id);
    await next.lock(never(), () => undefined);
    await next.unlock();
  });

  it('gives up waiting when the request is aborted (the client went away)', async () => {
    const a = instance(10_000);
    const b = instance(10_000);
    const id = uploadId();
    const holder = a.locker.newLock(id);
    await holder.lock(never(), () => undefined);
    const gone = new AbortController();
    const waiting = b.locker.newLock(id).lock(gone.signal, () => undefined);
    setTimeout(() => gone.abort(), 200);
    const started = Date.now();
    await expect(waiting).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(Date.now() - started).toBeLessThan(3000);
    await holder.unlock();
  });

  it('says "busy" at once when every connection of its pool holds a lock, and takes locks again when one is free', async () => {
    const a = createPgUploadLocks(URL ?? '', { acquireTimeoutMs: 10_000, maxConnections: 1 });
    opened.push(a);
    const first = a.locker.newLock(uploadId());
    await first.lock(never(), () => undefined);
    const started = Date.now();
    const busy: unknown = await a.locker
      .newLock(uploadId())
      .lock(never(), () => undefined)
      .catch((err: unknown) => err);
    expect(isAppError(busy, 'UPLOADS_BUSY')).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    await first.unlock();
    const next = a.locker.newLock(uploadId());
    await next.lock(never(), () => undefined);
    await next.unlock();
  });

  it('within one instance, two requests for one upload take turns', async () => {
    const a = instance(10_000);
    const id = uploadId();
    const first = a.locker.newLock(id);
    await first.lock(never(), async () => {
      await first.unlock();
    });
    const second = a.locker.newLock(id);
    await second.lock(never(), () => undefined);
    await second.unlock();
  });
});
