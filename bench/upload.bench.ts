/**
 * A 500 MB track upload through the server (PUT …/tracks/:trackId/audio: staged while streaming,
 * hashed, analysed by ffprobe, committed to storage) against one pass of copy plus SHA-256 of the
 * same file on the same disk (`tee copy < file | sha256sum`), in the same run, on the filesystem
 * storage and on S3 (a local OpenStack Swift). Prints MB/s for both, the ratio and the server's
 * peak RSS growth during the upload. Goal: ratio ≥ 0.7, RSS growth ≤ 64 MB.
 *
 * Needs sox (to make the file) and, for S3, Swift (test/s3-swift/setup.sh).
 */
import { execFile, execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ApiSession, seedRegistrant } from '../e2e/api.js';
import { createS3Storage } from '../src/storage/s3-storage.js';
import { E2E_ADMIN_PASSWORD, startServer } from '../e2e/server.js';
import { createScratchDatabase } from './scratch-db.js';
import type { BenchContext, Benchmark } from './types.js';

const run = promisify(execFile);
const MB = 1_000_000;
/** 48 kHz, 16-bit stereo: 192,000 bytes a second; 2,600 s ≈ 499 MB, under the 500 MB limit. */
const SECONDS_OF_AUDIO = Number(process.env.BENCH_UPLOAD_SECONDS ?? 2600);

interface Measured {
  seconds: number;
  rssGrowthBytes?: number;
}

async function makeWav(dir: string): Promise<string> {
  const file = path.join(dir, 'upload.wav');
  await run('sox', ['-n', '-r', '48000', '-c', '2', '-b', '16', file, 'synth', String(SECONDS_OF_AUDIO), 'sine', '440'], { maxBuffer: 1 << 20 });
  return file;
}

/** One pass of copy plus SHA-256 on the same disk: what any upload has to do at least. */
async function baseline(file: string, dir: string): Promise<Measured> {
  const copy = path.join(dir, 'baseline-copy.wav');
  const started = performance.now();
  await run('bash', ['-c', 'tee "$2" < "$1" | sha256sum > /dev/null', 'bench', file, copy]);
  const seconds = (performance.now() - started) / 1000;
  rmSync(copy, { force: true });
  return { seconds };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? 0 : Number(kb) * 1024;
}

/** Streams `file` as one multipart part; resolves with the response status and body. */
function putMultipart(url: string, cookie: string, file: string, fileName: string): Promise<{ status: number; body: string }> {
  const boundary = `----bench${Date.now().toString(16)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: audio/wav\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + statSync(file).size + tail.length;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'PUT', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.write(head);
    const source = createReadStream(file);
    source.on('error', reject);
    source.on('end', () => req.end(tail));
    source.pipe(req, { end: false });
  });
}

async function uploadThroughServer(file: string, env: Record<string, string>): Promise<Measured> {
  const server = await startServer({ ISRC_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, ...env }, { requireWeb: false });
  try {
    const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
    const member = await seedRegistrant(admin, 'company', '基準測試唱片', { loginName: 'bench-member', password: 'bench uploads first', displayName: '基準' });
    const company = await ApiSession.login(server.baseUrl, member.loginName, member.password);
    const album = await company.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
    const track = await company.call<{ id: string; recording: { isrc: string } }>('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'next' }, recording: { title: '基準' } });
    const cookie = company.cookieHeader();
    const rssBefore = rssOf(server.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(server.pid))), 50);
    const started = performance.now();
    const res = await putMultipart(`${server.baseUrl}/api/v1/albums/${album.id}/tracks/${track.id}/audio`, cookie, file, `${track.recording.isrc}.wav`);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (res.status !== 200) {
      throw new Error(`upload answered ${res.status}: ${res.body.slice(0, 500)}`);
    }
    return { seconds, rssGrowthBytes: rssPeak - rssBefore };
  } finally {
    await server.stop();
  }
}

/**
 * The same file sent straight to the S3 store by the storage layer (multipart, counted, not hashed
 * again: as a staged upload is sent), no server: the store's own intake on this machine.
 */
async function s3Alone(file: string, env: Record<string, string>): Promise<Measured> {
  const { stdout } = await run('sha256sum', [file]);
  const sha256 = stdout.slice(0, 64);
  const storage = await createS3Storage({
    endpoint: env.S3_ENDPOINT ?? '',
    region: env.S3_REGION ?? 'us-east-1',
    bucket: 'isrc-bench-alone',
    accessKeyId: env.S3_ACCESS_KEY ?? '',
    secretAccessKey: env.S3_SECRET_KEY ?? '',
    forcePathStyle: true,
  });
  const started = performance.now();
  const key = await storage.putFile(file, { size: statSync(file).size, sha256 }, { hashed: true });
  const seconds = (performance.now() - started) / 1000;
  await storage.delete(key);
  return { seconds };
}

async function withSwift<T>(work: (env: Record<string, string>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 's3-swift-bench-'));
  const scripts = path.resolve('test/s3-swift');
  const out = execFileSync('bash', [path.join(scripts, 'start.sh'), dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const s3 = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  try {
    return await work({
      STORAGE: 's3',
      S3_ENDPOINT: s3.S3_ENDPOINT ?? '',
      S3_REGION: s3.S3_REGION ?? 'us-east-1',
      S3_ACCESS_KEY: s3.S3_ACCESS_KEY ?? '',
      S3_SECRET_KEY: s3.S3_SECRET_KEY ?? '',
      S3_BUCKET: 'isrc-bench',
    });
  } finally {
    execFileSync('bash', [path.join(scripts, 'stop.sh'), dir], { stdio: 'inherit' });
    rmSync(dir, { recursive: true, force: true });
  }
}

export const uploadBenchmark: Benchmark = {
  name: 'upload',
  description: 'a ~500 MB audio upload through the server vs tee | sha256sum on the same disk (fs and S3 storage)',
  async run(ctx: BenchContext) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'isrc-bench-upload-'));
    try {
      const file = await makeWav(dir);
      const size = statSync(file).size;
      ctx.log(`file: ${(size / MB).toFixed(1)} MB WAV, in ${dir}`);
      const server = new URL(ctx.databaseUrl);
      server.pathname = '/postgres';
      for (const storage of ['fs', 's3'] as const) {
        const scratch = await createScratchDatabase(server.toString(), `isrc_bench_upload_${storage}`);
        try {
          const measure = (env: Record<string, string>) => uploadThroughServer(file, { DATABASE_URL: scratch.url, ...env });
          let storeAlone: Measured | undefined;
          const upload =
            storage === 'fs'
              ? await measure({})
              : await withSwift(async (env) => {
                  const through = await measure(env);
                  storeAlone = await s3Alone(file, env);
                  return through;
                });
          // The baseline right after, on the same disk, so both meet the same machine state.
          const copy = await baseline(file, dir);
          const mbps = (m: Measured) => size / MB / m.seconds;
          ctx.log(
            `${storage}: server ${mbps(upload).toFixed(0)} MB/s, tee | sha256sum ${mbps(copy).toFixed(0)} MB/s, ratio ${(mbps(upload) / mbps(copy)).toFixed(2)} (goal ≥ 0.7), ` +
              `server RSS growth ${((upload.rssGrowthBytes ?? 0) / MB).toFixed(1)} MB (goal ≤ 64)`,
          );
          if (storeAlone !== undefined) {
            // The store's own intake bounds any upload through the server: the bytes must reach it.
            ctx.log(
              `${storage}: the store alone (the file PUT straight to Swift) ${mbps(storeAlone).toFixed(0)} MB/s, ratio ${(mbps(storeAlone) / mbps(copy)).toFixed(2)} to tee | sha256sum`,
            );
          }
        } finally {
          await scratch.drop();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
