import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** The server process, for measurements (bench/upload.bench.ts reads its memory). */
  pid: number;
  stop(): Promise<void>;
}

export const E2E_ADMIN_PASSWORD = 'e2e-agency-chief-pw';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

/**
 * Starts the real server (built web app, fresh embedded database) as a child process, the way
 * `npm start` does, so browser tests exercise exactly what users run.
 */
export async function startServer(extraEnv: Record<string, string> = {}, options: { requireWeb?: boolean } = {}): Promise<RunningServer> {
  // WEB_DIR (the server's own setting) lets a build elsewhere be tested; dist/web by default.
  const webIndex = path.resolve(process.env.WEB_DIR ?? 'dist/web', 'index.html');
  if ((options.requireWeb ?? true) && !fs.existsSync(webIndex)) {
    throw new Error(`${webIndex} is missing: run "npm run build" before the browser tests`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', ISRC_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  await waitForHealth(baseUrl, child, () => log);
  return {
    baseUrl,
    dataDir,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) {
          child.kill('SIGKILL');
        }
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
