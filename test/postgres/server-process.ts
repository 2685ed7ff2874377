/** Real server processes for multi-process tests (`node --import tsx src/main.ts`) and the load test (compiled: `node dist/server/main.js`). */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  readonly baseUrl: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Set once the process has exited (code or signal). */
  exit: string | undefined;
}

/** A port nobody listens on right now (the OS picks it; there is a small window before we use it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('could not read the port of a listening socket');
  }
  return address.port;
}

export interface StartOptions {
  /** Run the compiled server (`npm run build:server` first), as production does; else the sources through tsx. */
  compiled?: boolean;
}

export function startServer(env: Record<string, string>, options: StartOptions = {}): ServerProcess {
  const port = env.PORT;
  if (port === undefined) {
    throw new Error('startServer needs PORT');
  }
  const inherited = { ...process.env };
  delete inherited.DEMO;
  delete inherited.DATA_DIR;
  const args = options.compiled === true ? ['dist/server/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'warn', WEB_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (b: Buffer) => chunks.push(b.toString()));
  child.stderr?.on('data', (b: Buffer) => chunks.push(b.toString()));
  const server: ServerProcess = { baseUrl: `http://127.0.0.1:${port}`, child, output: () => chunks.join(''), exit: undefined };
  // Should the test runner die without running afterAll, take this server down with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', (code, signal) => {
    server.exit = signal ?? String(code);
    process.removeListener('exit', killOnExit);
  });
  return server;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until GET /healthz answers 200; fails at once if the process exits. */
export async function waitHealthy(server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exit !== undefined) {
      throw new Error(`server ${server.baseUrl} exited (${server.exit}) before it was healthy:\n${server.output()}`);
    }
    try {
      const res = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`server ${server.baseUrl} not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

/** SIGTERM (graceful shutdown), then SIGKILL after `graceMs`; only this process, by its pid. */
export async function stopServer(server: ServerProcess, graceMs = 5000): Promise<void> {
  if (server.exit !== undefined || server.child.pid === undefined) {
    return;
  }
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
