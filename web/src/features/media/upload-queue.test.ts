import { describe, expect, it } from 'vitest';
import { UploadQueue, type Transfer, type TransferEvents, type UploadItem } from './upload-queue';

interface FakeFile {
  name: string;
  size: number;
}

/** A transfer the test drives by hand: it records what the queue asked of it. */
class FakeTransfer implements Transfer {
  starts = 0;
  pauses = 0;
  cancelled = false;
  constructor(
    readonly file: FakeFile,
    readonly trackId: string | null,
    readonly events: TransferEvents,
  ) {}
  start(): void {
    this.starts += 1;
  }
  pause(): void {
    this.pauses += 1;
  }
  cancel(): Promise<void> {
    this.cancelled = true;
    return Promise.resolve();
  }
}

function setup(concurrency = 2) {
  const transfers: FakeTransfer[] = [];
  const finished: UploadItem[] = [];
  let clock = 0;
  const sut = new UploadQueue<FakeFile>(
    (file, trackId, events) => {
      const transfer = new FakeTransfer(file, trackId, events);
      transfers.push(transfer);
      return transfer;
    },
    { concurrency, now: () => clock, progressIntervalMs: 0, onFinished: (item) => finished.push(item) },
  );
  const byName = (name: string) => {
    const transfer = transfers.find((t) => t.file.name === name);
    if (transfer === undefined) {
      throw new Error(`${name} was not started`);
    }
    return transfer;
  };
  const phases = () => sut.getSnapshot().map((i) => `${i.fileName}:${i.phase}`);
  return { sut, transfers, finished, byName, phases, tick: (ms: number) => (clock += ms) };
}

const f = (name: string, size = 1000): FakeFile => ({ name, size });
const stored = (name: string) => ({ fileName: name, status: 'stored' as const, warnings: [] });

describe(UploadQueue.name, () => {
  it('sends a batch two files at a time, without a track id, in order', () => {
    const { sut, transfers, byName, phases } = setup();
    sut.add(
      ['a', 'b', 'c'].map((name) => ({ file: f(name), trackId: `t-${name}` })),
      'batch1',
    );
    expect(transfers.map((t) => [t.file.name, t.trackId])).toEqual([
      ['a', null],
      ['b', null],
    ]);
    expect(phases()).toEqual(['a:uploading', 'b:uploading', 'c:queued']);
    byName('a').events.stored(stored('a'));
    expect(phases()).toEqual(['a:stored', 'b:uploading', 'c:uploading']);
  });

  it('starts a single track upload at once, with its track id, beside a running batch', () => {
    const { sut, transfers } = setup(1);
    sut.add(
      [
        { file: f('a'), trackId: 't1' },
        { file: f('b'), trackId: 't2' },
      ],
      'batch1',
    );
    sut.add([{ file: f('single'), trackId: 't9' }]);
    expect(transfers.map((t) => [t.file.name, t.trackId])).toEqual([
      ['a', null],
      ['single', 't9'],
    ]);
  });

  it('tracks progress, speed and the server check', () => {
    const { sut, byName, tick } = setup();
    sut.add([{ file: f('a', 10_000), trackId: 't1' }]);
    byName('a').events.progress(0);
    tick(1000);
    byName('a').events.progress(4000);
    expect(sut.getSnapshot()[0]).toMatchObject({ phase: 'uploading', loaded: 4000, bytesPerSecond: 4000 });
    tick(1000);
    byName('a').events.progress(10_000);
    expect(sut.getSnapshot()[0]?.phase).toBe('processing');
    expect(sut.busy()).toBe(true);
    byName('a').events.stored({ ...stored('a'), warnings: [{ code: 'W', message: 'w' }] });
    expect(sut.getSnapshot()[0]).toMatchObject({
      phase: 'stored',
      loaded: 10_000,
      bytesPerSecond: null,
      outcome: { warnings: [{ code: 'W', message: 'w' }] },
    });
    expect(sut.busy()).toBe(false);
  });

  it('reports a refused file with the server message, and a failure', () => {
    const { sut, byName, finished } = setup();
    sut.add(
      [
        { file: f('a'), trackId: null },
        { file: f('b'), trackId: null },
      ],
      'x',
    );
    byName('a').events.refused({ fileName: 'a', status: 'refused', message: '檔案內容不是 mp3', warnings: [] });
    byName('b').events.failed('檔案過大', false);
    expect(sut.getSnapshot().map((i) => [i.phase, i.error])).toEqual([
      ['refused', '檔案內容不是 mp3'],
      ['failed', '檔案過大'],
    ]);
    expect(finished.map((i) => i.fileName)).toEqual(['a', 'b']);
  });

  it('pauses a batch and resumes the same transfers where they stopped', () => {
    const { sut, byName, transfers, phases } = setup();
    sut.add(
      ['a', 'b', 'c'].map((name) => ({ file: f(name), trackId: null })),
      'x',
    );
    byName('a').events.progress(500);
    sut.pause({ batchId: 'x' });
    expect(phases()).toEqual(['a:paused', 'b:paused', 'c:paused']);
    expect(transfers.map((t) => t.pauses)).toEqual([1, 1]);
    // Progress that arrives after the pause is ignored.
    byName('a').events.progress(600);
    expect(sut.getSnapshot()[0]?.loaded).toBe(500);
    sut.resume({ batchId: 'x' });
    expect(phases()).toEqual(['a:uploading', 'b:uploading', 'c:queued']);
    expect(transfers.map((t) => t.starts)).toEqual([2, 2]);
  });

  it('keeps an interrupted file and resumes it when the connection is back', () => {
    const { sut, byName, phases, finished } = setup();
    sut.add([{ file: f('a'), trackId: 't1' }]);
    byName('a').events.failed('無法連線', true);
    expect(phases()).toEqual(['a:interrupted']);
    expect(finished).toEqual([]);
    sut.resume('interrupted');
    expect(phases()).toEqual(['a:uploading']);
    expect(byName('a').starts).toBe(2);
  });

  it('shows a dropped connection while the transfer retries, and uploading again once bytes flow', () => {
    const { sut, byName, phases, finished } = setup();
    sut.add([{ file: f('a'), trackId: 't1' }]);
    byName('a').events.progress(100);
    byName('a').events.retrying();
    expect(phases()).toEqual(['a:interrupted']);
    expect(sut.getSnapshot()[0]?.bytesPerSecond).toBeNull();
    byName('a').events.progress(200);
    expect(phases()).toEqual(['a:uploading']);
    expect(byName('a').starts).toBe(1);
    expect(finished).toEqual([]);
  });

  it('pauses everything when the page is left', () => {
    const { sut, phases } = setup(1);
    sut.add(
      [
        { file: f('a'), trackId: null },
        { file: f('b'), trackId: null },
      ],
      'x',
    );
    sut.add([{ file: f('c'), trackId: 't' }]);
    sut.pause('all');
    expect(phases()).toEqual(['a:paused', 'b:paused', 'c:paused']);
  });

  it('cancels a file, frees its slot and ignores its late events', async () => {
    const { sut, byName, phases, finished } = setup(1);
    sut.add(
      [
        { file: f('a'), trackId: null },
        { file: f('b'), trackId: null },
      ],
      'x',
    );
    const id = sut.getSnapshot()[0]?.id ?? '';
    await sut.cancel(id);
    expect(byName('a').cancelled).toBe(true);
    expect(phases()).toEqual(['b:uploading']);
    byName('a').events.stored(stored('a'));
    expect(finished).toEqual([]);
  });

  it('dismisses finished files of one batch only', () => {
    const { sut, byName, phases } = setup();
    sut.add([{ file: f('a'), trackId: null }], 'x');
    sut.add([{ file: f('b'), trackId: 't' }]);
    byName('a').events.stored(stored('a'));
    byName('b').events.stored(stored('b'));
    sut.dismissFinished('x');
    expect(phases()).toEqual(['b:stored']);
  });

  it('notifies subscribers and gives a new snapshot on each change', () => {
    const { sut, byName } = setup();
    let calls = 0;
    const unsubscribe = sut.subscribe(() => (calls += 1));
    sut.add([{ file: f('a'), trackId: null }]);
    const before = sut.getSnapshot();
    byName('a').events.progress(10);
    expect(sut.getSnapshot()).not.toBe(before);
    expect(calls).toBe(2);
    unsubscribe();
    byName('a').events.progress(20);
    expect(calls).toBe(2);
  });
});
