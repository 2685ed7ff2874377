import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../src/storage/s3-client.js';
import { useS3Store } from '../helpers/s3-store.js';

// The server as started for real (src/main.ts), with STORAGE=s3 on the test's Swift store.
const s3 = useS3Store();
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'isrc-storage-start-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  out: string;
}

/** Starts the server; once a stdout line matches `until` (or it exits) stops it with SIGTERM. */
function runServer(env: Record<string, string>, until: RegExp): Promise<Run> {
  const childEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const seen = (chunk: Buffer) => {
    out += chunk.toString();
    if (until.test(out) && child.exitCode === null) {
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', seen);
  child.stderr.on('data', seen);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

describe('server start-up with STORAGE=s3', () => {
  it('creates the bucket, sweeps day-old staged uploads (never resumable ones), and logs one line without secrets', async () => {
    const settings = s3.store.settings();
    const stagingDir = path.join(dataDir, 'staging');
    await mkdir(path.join(stagingDir, 'tus'), { recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    for (const file of ['crashed.upload', 'tus/resumable']) {
      await writeFile(path.join(stagingDir, file), 'left over');
      await utimes(path.join(stagingDir, file), twoDaysAgo, twoDaysAgo);
    }
    const run = await runServer(
      {
        STORAGE: 's3',
        S3_ENDPOINT: settings.endpoint,
        S3_REGION: settings.region,
        S3_BUCKET: settings.bucket,
        S3_ACCESS_KEY: settings.accessKeyId,
        S3_SECRET_KEY: settings.secretAccessKey,
      },
      /start-up sweep/,
    );
    const line = run.out.split('\n').find((l) => l.includes('start-up sweep'));
    expect(line, run.out).toBeDefined();
    expect(JSON.parse(line ?? '{}')).toMatchObject({ storage: `S3 bucket ${settings.bucket} at ${settings.endpoint}`, temporaryRemoved: 0, stagedRemoved: 1 });
    expect(run.out).not.toContain(settings.secretAccessKey);
    expect(await readdir(stagingDir)).toEqual(['tus']);
    expect(await readdir(path.join(stagingDir, 'tus'))).toEqual(['resumable']);
    const client = createS3Client(settings);
    await expect(client.send(new HeadBucketCommand({ Bucket: settings.bucket }))).resolves.toBeDefined();
    client.destroy();
  }, 120_000);

  it('refuses to start without a required S3 variable, naming it', async () => {
    const settings = s3.store.settings();
    const run = await runServer({ STORAGE: 's3', S3_ENDPOINT: settings.endpoint, S3_BUCKET: settings.bucket, S3_ACCESS_KEY: settings.accessKeyId, S3_SECRET_KEY: '' }, /$^/);
    expect(run.code).toBe(1);
    expect(run.out).toContain('Cannot start: a setting is wrong or missing:');
    expect(run.out).toContain('  - STORAGE=s3 needs S3_SECRET_KEY');
  }, 120_000);
});
