/**
 * Turns to read: at most `concurrency` parsing children at once, at most `maxWaiting` uploads
 * waiting (first come, first served); beyond that the read is refused at once as busy.
 */

/**
 * No turn for this read: `server` when every turn is taken and the queue is full (answer "busy,
 * retry in a moment"), `owner` when the same user already has a file being read or waiting — one
 * user cannot fill the queue and keep everyone else waiting.
 */
export class ReaderBusyError extends Error {
  constructor(readonly reason: 'server' | 'owner') {
    super(`spreadsheet reader busy (${reason})`);
  }
}

export class ReadTurns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly owners = new Set<string>();

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  /**
   * Resolves when it is this read's turn; give it back with release(owner). Throws ReaderBusyError
   * when the owner already holds or awaits a turn, or when the queue is full. An abort while waiting
   * (the upload failed) leaves the queue and frees the owner at once.
   */
  async take(owner?: string, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (owner !== undefined && this.owners.has(owner)) {
      throw new ReaderBusyError('owner');
    }
    if (this.running < this.concurrency) {
      this.running++;
    } else if (this.waiting.length >= this.maxWaiting) {
      throw new ReaderBusyError('server');
    } else {
      await this.wait(owner, signal);
      return;
    }
    if (owner !== undefined) {
      this.owners.add(owner);
    }
  }

  /** In the queue until release() hands this read its turn (running stays counted then). */
  private wait(owner: string | undefined, signal: AbortSignal | undefined): Promise<void> {
    if (owner !== undefined) {
      this.owners.add(owner);
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.waiting.indexOf(turn);
        if (at >= 0) {
          this.waiting.splice(at, 1);
          if (owner !== undefined) {
            this.owners.delete(owner);
          }
          reject(signal?.reason instanceof Error ? signal.reason : new Error('read aborted'));
        }
      };
      const turn = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiting.push(turn);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(owner?: string): void {
    if (owner !== undefined) {
      this.owners.delete(owner);
    }
    const next = this.waiting.shift();
    if (next === undefined) {
      this.running--;
    } else {
      next();
    }
  }

  get state(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
