import { describe, expect, it } from 'vitest';
import { ReaderBusyError, ReadTurns } from './read-turns.js';

const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('ReadTurns', () => {
  it('lets `concurrency` reads go at once and queues the next ones first come, first served', async () => {
    const turns = new ReadTurns(2, 3);
    await turns.take('a');
    await turns.take('b');
    const c = turns.take('c');
    const d = turns.take('d');
    expect(await settled(c)).toBe(false);
    expect(turns.state).toEqual({ running: 2, waiting: 2 });
    turns.release('a');
    expect(await settled(c)).toBe(true);
    expect(await settled(d)).toBe(false);
    turns.release('b');
    expect(await settled(d)).toBe(true);
    turns.release('c');
    turns.release('d');
    expect(turns.state).toEqual({ running: 0, waiting: 0 });
  });

  it('answers busy at once when the queue is full, and takes reads again once it drains', async () => {
    const turns = new ReadTurns(1, 1);
    await turns.take();
    const waiting = turns.take();
    await expect(turns.take()).rejects.toEqual(new ReaderBusyError('server'));
    turns.release();
    await waiting;
    turns.release();
    await expect(turns.take()).resolves.toBeUndefined();
  });

  it('gives one owner one read at a time, running or waiting, and frees the owner with its turn', async () => {
    const turns = new ReadTurns(1, 5);
    await turns.take('user-1');
    await expect(turns.take('user-1')).rejects.toMatchObject({ reason: 'owner' });
    const other = turns.take('user-2');
    await expect(turns.take('user-2')).rejects.toMatchObject({ reason: 'owner' });
    turns.release('user-1');
    await other;
    const again = turns.take('user-1');
    turns.release('user-2');
    await expect(again).resolves.toBeUndefined();
  });

  it('takes an aborted wait out of the queue and frees its owner at once', async () => {
    const turns = new ReadTurns(1, 5);
    await turns.take('holder');
    const abandon = new AbortController();
    const waiting = turns.take('user-1', abandon.signal);
    const behind = turns.take('user-2');
    abandon.abort();
    await expect(waiting).rejects.toThrow();
    expect(turns.state).toEqual({ running: 1, waiting: 1 });
    // user-1 may wait again right away; user-2, behind it, gets the next turn.
    const retry = turns.take('user-1');
    turns.release('holder');
    await behind;
    expect(await settled(retry)).toBe(false);
    turns.release('user-2');
    await retry;
    turns.release('user-1');
    expect(turns.state).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a read whose upload was abandoned before it asked', async () => {
    const turns = new ReadTurns(2, 2);
    const abandon = new AbortController();
    abandon.abort();
    await expect(turns.take('user-1', abandon.signal)).rejects.toThrow();
    expect(turns.state).toEqual({ running: 0, waiting: 0 });
    await expect(turns.take('user-1')).resolves.toBeUndefined();
  });
});
