import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { READER_LIMITS, type ReaderLimits } from './limits.js';
import { processMemory } from './proc-status.js';
import { isChildMessage, type ChildMessage, type ReadRequest } from './read-protocol.js';
import type { Refused } from './refusals.js';
import { answer, crashRefusal, type KillCause } from './read-answer.js';
import { ReadTurns } from './read-turns.js';
import type { WorkbookData } from './workbook.js';

/**
 * Reads a pre-scanned .xlsx in a forked child process — never a worker thread, whose out-of-memory
 * aborts the whole server (STACK-NOTES.md). The child has a capped heap, a deadline and an RSS
 * watchdog; killed or crashed, it becomes a refusal ('too-complex' / 'unreadable'), never an
 * exception in the server. Spawning a child under tsx costs about a second, so a reader keeps one
 * spare child started ahead (each child still reads exactly one file, then exits).
 */

export interface ReadStats {
  ms: number;
  /** Peak resident memory of the child (VmHWM), when /proc could tell. */
  peakRssMb: number | null;
  cells: number;
}

export type ReadResult = { ok: true; workbook: WorkbookData; stats: ReadStats } | (Refused & { stats: ReadStats });

export interface WorkbookReader {
  /**
   * Reads in a parsing child when it is the file's turn (ReadTurns): `owner` (a user id) may have
   * one file read at a time. Throws ReaderBusyError when there is no turn to wait for. `signal`
   * aborted (the upload failed): out of the queue, or the child killed, at once.
   */
  read(filePath: string, owner?: string, signal?: AbortSignal): Promise<ReadResult>;
  /** Stops the spare child; reads in progress finish. */
  close(): void;
  /**
   * Resolves once the spare child is started and waiting (started now if it was only scheduled);
   * at once for a reader without one. For benchmarks that time a read on a quiet machine.
   */
  spareReady(): Promise<void>;
}

export type ReaderOptions = Partial<ReaderLimits> & {
  /** Keep one child started ahead of the next read (default true). */
  warm?: boolean;
  /** The turns to read by (default: new ones of `concurrency` and `maxWaiting`); tests hold turns by hand. */
  turns?: ReadTurns;
};

const SELF = import.meta.url;
/** Under tsx (dev, tests, `npm start`) the child is TypeScript too and needs tsx's loader. */
const RUNS_TS = SELF.endsWith('.ts');
const CHILD_PATH = fileURLToPath(new URL(`./read-workbook.child.${RUNS_TS ? 'ts' : 'js'}`, SELF));
const READY_TIMEOUT_MS = 60_000;
const WATCH_INTERVAL_MS = 25;
/**
 * After a read, the next spare starts this much later: a child's start (Node and SheetJS loading)
 * takes a core for a while, and the server is then still checking the file it just read.
 */
const SPARE_DELAY_MS = 1_000;
/** After its answer the child exits by itself; if it has not after this, it is killed. */
const EXIT_GRACE_MS = 1_000;
/** A spare that failed to start is tried again after 1 s, then 2 s, 4 s… up to a minute. */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 60_000;

function childExecArgv(maxHeapMb: number): string[] {
  const args = [`--max-old-space-size=${maxHeapMb}`];
  if (RUNS_TS) {
    args.push('--import', pathToFileURL(createRequire(SELF).resolve('tsx')).href);
  }
  return args;
}

interface Spawned {
  child: ChildProcess;
  stderr: () => string;
}

function spawnChild(maxHeapMb: number): Promise<Spawned> {
  // No inherited environment: the child that parses hostile input holds no credentials. TZ=UTC
  // makes anything SheetJS might do with local dates deterministic.
  const child = fork(CHILD_PATH, [], { execArgv: childExecArgv(maxHeapMb), env: { TZ: 'UTC' }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4096);
  });
  // A failed kill or send must never become an uncaught 'error' event in the server.
  child.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`spreadsheet reader child ${why}: ${stderr.trim().slice(-500)}`));
    };
    const timer = setTimeout(() => fail('did not start in time'), READY_TIMEOUT_MS);
    const onExit = (code: number | null, signal: string | null): void => fail(`exited before it was ready (${code ?? signal ?? ''})`);
    child.once('exit', onExit);
    child.once('message', (message: unknown) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      if (isChildMessage(message) && message.type === 'ready') {
        resolve({ child, stderr: () => stderr });
      } else {
        fail('sent an unexpected first message');
      }
    });
  });
}

function isAlive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null && child.connected;
}

/** An idle child must not keep the server (or a test run) alive. */
function setIdle(child: ChildProcess, idle: boolean): void {
  if (idle) {
    child.unref();
    child.channel?.unref();
  } else {
    child.ref();
    child.channel?.ref();
  }
}

function run({ child, stderr }: Spawned, filePath: string, limits: ReaderLimits, signal?: AbortSignal): Promise<ReadResult> {
  const started = performance.now();
  const pid = child.pid ?? -1;
  setIdle(child, false);
  return new Promise((resolve) => {
    let settled = false;
    let killedFor: KillCause | undefined;
    let peakRssMb: number | null = null;
    const stats = (cells: number): ReadStats => ({ ms: Math.round(performance.now() - started), peakRssMb, cells });
    const kill = (cause: KillCause): void => {
      killedFor ??= cause;
      child.kill('SIGKILL');
      // The 'exit' event answers; should it never come, answer anyway.
      setTimeout(() => finish(() => ({ ...crashRefusal(killedFor, null, 'SIGKILL', stderr(), limits), stats: stats(0) })), EXIT_GRACE_MS).unref();
    };
    const timer = setTimeout(() => kill('timeout'), limits.timeoutMs);
    const onAbort = (): void => kill('aborted');
    const check = (): void => {
      void processMemory(pid).then((memory) => {
        if (memory === undefined || settled) {
          return;
        }
        peakRssMb = Math.max(peakRssMb ?? 0, memory.peakRssMb);
        if (memory.rssMb > limits.maxRssMb) {
          kill('memory');
        }
      });
    };
    const watch = setInterval(check, WATCH_INTERVAL_MS);
    check();
    // Takes the answer to make, not the answer: the message and the exit both end here, and the
    // workbook's JSON is parsed once, by the first.
    const finish = (result: () => ReadResult): void => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      signal?.removeEventListener('abort', onAbort);
      resolve(result());
    };
    let answered: Exclude<ChildMessage, { type: 'ready' }> | undefined;
    child.on('message', (message: unknown) => {
      if (!isChildMessage(message) || message.type === 'ready' || answered !== undefined) {
        return;
      }
      answered = message;
      setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS).unref();
      // One last look at the peak (the child may already be gone: then 'exit' answers).
      void processMemory(pid).then((memory) => {
        peakRssMb = memory === undefined ? peakRssMb : Math.max(peakRssMb ?? 0, memory.peakRssMb);
        finish(() => answer(message, stats));
      });
    });
    child.once('exit', (code, exitSignal) =>
      finish(() => (answered !== undefined ? answer(answered, stats) : { ...crashRefusal(killedFor, code, exitSignal, stderr(), limits), stats: stats(0) })),
    );
    if (signal?.aborted === true) {
      kill('aborted');
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    const request: ReadRequest = { type: 'read', filePath, maxCells: limits.maxCells };
    child.send(request);
  });
}

/**
 * A reader with one spare child started ahead. Pass it down from main.ts (like storage) and close
 * it at shutdown; tests create their own.
 */
export function createWorkbookReader(options: ReaderOptions = {}): WorkbookReader {
  const { warm = true, turns: givenTurns, ...overrides } = options;
  const limits: ReaderLimits = { ...READER_LIMITS, ...overrides };
  let spare: Promise<Spawned> | undefined;
  let closed = false;
  let failedStarts = 0;
  let scheduled: NodeJS.Timeout | undefined;
  const turns = givenTurns ?? new ReadTurns(limits.concurrency, limits.maxWaiting);
  const prepare = (): void => {
    clearTimeout(scheduled);
    scheduled = undefined;
    if (!warm || closed || spare !== undefined) {
      return;
    }
    const started = spawnChild(limits.maxHeapMb);
    spare = started;
    started.then(
      ({ child }) => {
        failedStarts = 0;
        setIdle(child, true);
        // A spare that dies while it waits (killed, out of memory) is replaced at once, so the
        // next upload does not pay for a cold start.
        child.once('exit', () => {
          if (spare === started) {
            spare = undefined;
            prepare();
          }
        });
      },
      () => {
        if (spare === started) {
          spare = undefined;
          // One that died while starting is tried again later, less and less often, so a broken
          // setup cannot spin; meanwhile each read starts its own child.
          failedStarts++;
          setTimeout(prepare, Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failedStarts - 1))).unref();
        }
      },
    );
  };
  const readInChild = async (filePath: string, signal: AbortSignal | undefined): Promise<ReadResult> => {
    const taken = spare;
    spare = undefined;
    let spawned = await (taken ?? spawnChild(limits.maxHeapMb)).catch(() => spawnChild(limits.maxHeapMb));
    if (!isAlive(spawned.child)) {
      spawned = await spawnChild(limits.maxHeapMb);
    }
    try {
      const result = await run(spawned, filePath, limits, signal);
      // A spare that died just as it was handed the file (killed while idle, its exit not seen
      // yet) is not the file's fault: read once more in a fresh child. Memory and time limits
      // are never retried.
      if (taken !== undefined && !result.ok && result.detail.cause === 'crash') {
        return await run(await spawnChild(limits.maxHeapMb), filePath, limits, signal);
      }
      return result;
    } finally {
      scheduled ??= setTimeout(prepare, SPARE_DELAY_MS).unref();
    }
  };
  prepare();
  return {
    async read(filePath, owner, signal) {
      await turns.take(owner, signal);
      try {
        return await readInChild(filePath, signal);
      } finally {
        turns.release(owner);
      }
    },
    async spareReady() {
      prepare();
      await spare?.catch(() => undefined);
    },
    close() {
      closed = true;
      clearTimeout(scheduled);
      const idle = spare;
      spare = undefined;
      void idle?.then(
        ({ child }) => child.kill('SIGKILL'),
        () => undefined,
      );
    },
  };
}

/** One read in a fresh child (no spare): for scripts and tests. */
export async function readWorkbook(filePath: string, options: Partial<ReaderLimits> = {}): Promise<ReadResult> {
  const limits: ReaderLimits = { ...READER_LIMITS, ...options };
  return run(await spawnChild(limits.maxHeapMb), filePath, limits);
}
