import type { UploadOutcome } from './audio-types';
import { RateMeter } from './upload-format';

export type UploadPhase =
  /** Waiting for a free slot (a batch sends two files at a time). */
  | 'queued'
  | 'uploading'
  /** Every byte sent; the server is checking the file. */
  | 'processing'
  | 'paused'
  /** The connection dropped and the retries ran out: resumes by itself when the browser is online again. */
  | 'interrupted'
  | 'stored'
  | 'refused'
  | 'failed';

export const FINISHED_PHASES: readonly UploadPhase[] = ['stored', 'refused', 'failed'];

export interface UploadItem {
  readonly id: string;
  readonly fileName: string;
  readonly size: number;
  /** The track the file is for (in a batch, the one its name matched in the preview). */
  readonly trackId: string | null;
  readonly batchId: string | null;
  readonly phase: UploadPhase;
  readonly loaded: number;
  readonly bytesPerSecond: number | null;
  readonly outcome: UploadOutcome | null;
  readonly error: string | null;
}

export interface TransferEvents {
  progress(loaded: number): void;
  /** The connection dropped; the transfer tries again by itself (progress means it is back). */
  retrying(): void;
  /** Stored; the outcome is null when the server had nothing more to say (an upload already complete). */
  stored(outcome: UploadOutcome | null): void;
  refused(outcome: UploadOutcome): void;
  failed(message: string, retryable: boolean): void;
}

/** One file's transfer: started, paused (kept on the server for resuming) and started again, or cancelled. */
export interface Transfer {
  start(): void;
  pause(): void;
  cancel(): Promise<void>;
}

/** Makes a transfer; `trackId` is sent for an upload to one track, null in a batch (the server matches by name). */
export type TransferFactory<F> = (file: F, trackId: string | null, events: TransferEvents) => Transfer;

interface Options {
  /** Files of a batch sent at the same time. */
  concurrency?: number;
  now?: () => number;
  /** Least time between two progress notices. */
  progressIntervalMs?: number;
  onFinished?: (item: UploadItem) => void;
}

export const isFinished = (item: UploadItem): boolean => FINISHED_PHASES.includes(item.phase);

/**
 * The uploads of one album page: a single track's file starts at once, a batch's files two at a
 * time. Pausing keeps what the server has; starting again resumes from there. Works with any
 * transfer (tus in the browser, a fake in tests) and is read by React as an external store.
 */
export class UploadQueue<F extends { name: string; size: number }> {
  private items: readonly UploadItem[] = [];
  private readonly files = new Map<string, F>();
  private readonly transfers = new Map<string, Transfer>();
  private readonly meters = new Map<string, RateMeter>();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  private lastNotice = Number.NEGATIVE_INFINITY;
  private readonly concurrency: number;
  private readonly now: () => number;
  private readonly progressIntervalMs: number;

  constructor(
    private readonly makeTransfer: TransferFactory<F>,
    private readonly options: Options = {},
  ) {
    this.concurrency = options.concurrency ?? 2;
    this.now = options.now ?? (() => Date.now());
    this.progressIntervalMs = options.progressIntervalMs ?? 200;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly UploadItem[] => this.items;

  /** Adds files; with a batch id they wait for a slot, without one each starts at once. Returns their ids. */
  add(entries: readonly { file: F; trackId: string | null }[], batchId: string | null = null): string[] {
    const added = entries.map(({ file, trackId }): UploadItem => {
      const id = `u${this.nextId++}`;
      this.files.set(id, file);
      return {
        id,
        fileName: file.name,
        size: file.size,
        trackId,
        batchId,
        phase: 'queued',
        loaded: 0,
        bytesPerSecond: null,
        outcome: null,
        error: null,
      };
    });
    this.items = [...this.items, ...added];
    this.pump();
    this.notify();
    return added.map((item) => item.id);
  }

  /** Pauses the unfinished files of a batch (or one file by id, or every file). */
  pause(match: { batchId: string } | { id: string } | 'all'): void {
    for (const item of this.items.filter(
      (i) => (match === 'all' || this.matches(i, match)) && ['queued', 'uploading', 'interrupted'].includes(i.phase),
    )) {
      this.transfers.get(item.id)?.pause();
      this.meters.get(item.id)?.reset();
      this.update(item.id, { phase: 'paused', bytesPerSecond: null });
    }
    this.pump();
    this.notify();
  }

  /** Starts paused or interrupted files again; they resume where the server stopped. */
  resume(match: { batchId: string } | { id: string } | 'interrupted'): void {
    const phases: UploadPhase[] = match === 'interrupted' ? ['interrupted'] : ['paused', 'interrupted'];
    for (const item of this.items.filter((i) => phases.includes(i.phase) && (match === 'interrupted' || this.matches(i, match)))) {
      this.update(item.id, { phase: 'queued', error: null });
    }
    this.pump();
    this.notify();
  }

  /** Cancels an unfinished file (the server drops what it had) and forgets it. */
  async cancel(id: string): Promise<void> {
    const transfer = this.transfers.get(id);
    this.forget(id);
    this.pump();
    this.notify();
    await transfer?.cancel();
  }

  /** Removes one finished file from the list (its message was read). */
  dismiss(id: string): void {
    const item = this.items.find((i) => i.id === id);
    if (item !== undefined && isFinished(item)) {
      this.forget(id);
      this.notify();
    }
  }

  /** Removes finished files from the list (of a batch, or single uploads when batchId is null). */
  dismissFinished(batchId: string | null): void {
    for (const item of this.items.filter((i) => i.batchId === batchId && isFinished(i))) {
      this.forget(item.id);
    }
    this.notify();
  }

  /** Whether anything is still being sent or waits to be (leaving the page would stop it). */
  busy(): boolean {
    return this.items.some((item) => !isFinished(item));
  }

  private matches(item: UploadItem, match: { batchId: string } | { id: string }): boolean {
    return 'id' in match ? item.id === match.id : item.batchId === match.batchId;
  }

  private forget(id: string): void {
    this.transfers.delete(id);
    this.files.delete(id);
    this.meters.delete(id);
    this.items = this.items.filter((item) => item.id !== id);
  }

  private update(id: string, change: Partial<UploadItem>): UploadItem | undefined {
    let updated: UploadItem | undefined;
    this.items = this.items.map((item) => {
      if (item.id !== id) {
        return item;
      }
      updated = { ...item, ...change };
      return updated;
    });
    return updated;
  }

  private pump(): void {
    let running = this.items.filter((i) => i.batchId !== null && (i.phase === 'uploading' || i.phase === 'processing')).length;
    for (const item of this.items) {
      if (item.phase !== 'queued') {
        continue;
      }
      if (item.batchId !== null) {
        if (running >= this.concurrency) {
          continue;
        }
        running += 1;
      }
      this.startItem(item);
    }
  }

  private startItem(item: UploadItem): void {
    this.update(item.id, { phase: item.loaded >= item.size && item.size > 0 ? 'processing' : 'uploading' });
    const existing = this.transfers.get(item.id);
    if (existing !== undefined) {
      existing.start();
      return;
    }
    const file = this.files.get(item.id);
    if (file === undefined) {
      return;
    }
    const meter = new RateMeter();
    this.meters.set(item.id, meter);
    const transfer = this.makeTransfer(file, item.batchId === null ? item.trackId : null, this.eventsFor(item.id, meter));
    this.transfers.set(item.id, transfer);
    transfer.start();
  }

  private eventsFor(id: string, meter: RateMeter): TransferEvents {
    const live = () => this.transfers.has(id);
    return {
      progress: (loaded) => {
        const item = this.items.find((i) => i.id === id);
        if (!live() || item === undefined || !['uploading', 'processing', 'interrupted'].includes(item.phase)) {
          return;
        }
        const at = this.now();
        meter.add(at, loaded);
        this.update(id, { loaded, bytesPerSecond: meter.rate(), phase: loaded >= item.size ? 'processing' : 'uploading' });
        if (at - this.lastNotice >= this.progressIntervalMs || loaded >= item.size) {
          this.lastNotice = at;
          this.notify();
        }
      },
      retrying: () => {
        const item = this.items.find((i) => i.id === id);
        if (live() && item !== undefined && (item.phase === 'uploading' || item.phase === 'processing')) {
          meter.reset();
          this.update(id, { phase: 'interrupted', bytesPerSecond: null });
          this.notify();
        }
      },
      stored: (outcome) => this.finish(id, { phase: 'stored', outcome }),
      refused: (outcome) => this.finish(id, { phase: 'refused', outcome, error: outcome.message ?? null }),
      failed: (message, retryable) => this.finish(id, { phase: retryable ? 'interrupted' : 'failed', error: message }),
    };
  }

  private finish(id: string, change: Partial<UploadItem>): void {
    if (!this.transfers.has(id)) {
      return;
    }
    const item = this.items.find((i) => i.id === id);
    const done = change.phase === 'stored' || change.phase === 'refused' || change.phase === 'failed';
    const updated = this.update(id, {
      ...change,
      bytesPerSecond: null,
      ...(change.phase === 'stored' && item !== undefined ? { loaded: item.size } : {}),
    });
    if (done) {
      this.transfers.delete(id);
      this.files.delete(id);
      this.meters.delete(id);
    }
    this.pump();
    this.notify();
    if (done && updated !== undefined) {
      this.options.onFinished?.(updated);
    }
  }

  private notify(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}
