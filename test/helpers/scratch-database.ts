/**
 * A database for tests that run the real programs (server, `npm run admin`) as child processes: a
 * fresh PGlite data directory, or, when DATABASE_URL is set, a fresh database on that PostgreSQL
 * server. The test opens it itself between runs (on PGlite only while no child holds it).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { adminQuery, withDatabase } from './db.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ScratchDatabase {
  readonly kind: 'pglite' | 'postgres';
  /** DATA_DIR and DATABASE_URL for a child process. */
  readonly env: Readonly<Record<string, string>>;
  readonly dataDir: string;
  /** Opens (and migrates) the database in this process; close it before a child needs a PGlite directory. */
  open(): Promise<DatabaseHandle>;
  remove(): Promise<void>;
}

export async function scratchDatabase(): Promise<ScratchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-scratch-'));
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl === undefined || baseUrl === '') {
    return {
      kind: 'pglite',
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      dataDir,
      open: async () => {
        const handle = await openDatabase({ kind: 'pglite', dataDir });
        await handle.migrate();
        return handle;
      },
      remove: () => Promise.resolve(fs.rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const name = `isrc_s_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const url = withDatabase(baseUrl, name);
  return {
    kind: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    dataDir,
    open: async () => {
      const handle = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
      await handle.migrate();
      return handle;
    },
    remove: async () => {
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ProgramResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node --import tsx <script> …args` to completion, with `input` on its standard input; after
 * `timeoutMs` it is killed (this child only, by its pid) and the result has code null.
 */
export function runProgram(script: string, args: readonly string[], env: Readonly<Record<string, string>>, input = '', timeoutMs = 180_000): Promise<ProgramResult> {
  const ours = new Set(['DEMO', 'DATA_DIR', 'DATABASE_URL', 'ISRC_ADMIN_PASSWORD', 'NODE_ENV', 'LOG_FORMAT', 'LOG_LEVEL']);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !ours.has(name)));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, env: { ...inherited, NO_COLOR: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
