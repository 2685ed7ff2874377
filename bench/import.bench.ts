/**
 * 專輯匯入 preview against a bare SheetJS read of the same file, in the same run (issue 15).
 *
 * The preview goes through the real route, in-process (`POST /import/previews` by inject: multipart
 * staging, zip pre-scan, the forked parsing child with its warm spare, cell validation, the
 * set-based check of the whole file (src/import/preview-check.ts), the stored preview). The parsing
 * child's share (read, convert, IPC; as the reader times it) is printed beside it, so the rest of
 * the preview — everything but the parse — shows too. The baseline is
 * `XLSX.read(buffer)` with the importer's options in a forked child like the importer's (same heap
 * cap and environment; import-bare-read.child.ts), timed inside the child from readFile to parsed.
 * Medians of BENCH_IMPORT_RUNS runs (default 3), alternating the two, after one warm-up preview of a
 * small file (JIT, the database's plans, the reader's spare); each preview and each bare read starts
 * once the reader's spare child is up, so neither shares the machine with a child's start. Peak RSS of the parsing child:
 * the larger of its own ru_maxrss reported back and /proc VmHWM sampled by the reader.
 *
 * Goals: ratio ≤ 1.5 and peak RSS ≤ 300 MB at 2,000 tracks; a 5,000-track catalogue under 10 s.
 * One album holds at most 999 tracks (曲目序號 1–999), so 2,000 tracks are a catalogue of 4 albums;
 * the largest one-album file (999 tracks) is measured too. Timings are printed, never asserted.
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { openDatabase } from '../src/db/client.js';
import type { ServiceContext } from '../src/db/context.js';
import { buildApp } from '../src/http/app.js';
import type { AppInstance } from '../src/http/types.js';
import type { ImportPreviewResponse } from '../src/import/import.schemas.js';
import { createWorkbookReader, type ReadStats, type WorkbookReader } from '../src/import/spreadsheet/index.js';
import type { TemplateRow } from '../src/import/template/album-rows.js';
import type { TemplateKind } from '../src/import/template/columns.js';
import { writeTemplate } from '../src/import/template/write-template.js';
import { DEFAULT_AGENCY_CONTACT } from '../src/shared/agency-contact.js';
import { fixedClock } from '../src/shared/clock.js';
import { createFsStorage } from '../src/storage/fs-storage.js';
import { loginCookie } from '../test/helpers/app.js';
import { newRegistrant, TEST_PASSWORD } from '../test/helpers/factories.js';
import type { BareReadAnswer } from './import-bare-read.child.js';
import { percentile } from './stats.js';
import type { BenchContext, Benchmark } from './types.js';

const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
/** The codes are of 2026 (the clock is pinned there, as in the tests). */
const NOW = new Date('2026-06-15T08:00:00Z');
const BARE_CHILD = fileURLToPath(new URL('./import-bare-read.child.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Shape {
  label: string;
  kind: TemplateKind;
  albums: number;
  tracksPerAlbum: number;
}

/** BENCH_IMPORT_TRACKS=n: only one album of n tracks (for profiling). */
const ONLY_TRACKS = process.env.BENCH_IMPORT_TRACKS === undefined ? undefined : Number(process.env.BENCH_IMPORT_TRACKS);

const ALL_SHAPES: readonly Shape[] = [
  { label: '2,000 tracks (catalogue, 4 albums)', kind: 'catalogue', albums: 4, tracksPerAlbum: 500 },
  { label: '999 tracks (one album, the most it holds)', kind: 'album', albums: 1, tracksPerAlbum: 999 },
  { label: '5,000 tracks (catalogue, 100 albums)', kind: 'catalogue', albums: 100, tracksPerAlbum: 50 },
];
const SHAPES: readonly Shape[] = ONLY_TRACKS === undefined ? ALL_SHAPES : [{ label: `${ONLY_TRACKS} tracks (one album)`, kind: 'album', albums: 1, tracksPerAlbum: ONLY_TRACKS }];

/** A filled template: every album complete, every track with its own typed ISRC and the usual columns. */
async function makeWorkbook(shape: Shape, code: string): Promise<Buffer> {
  const albums: TemplateRow<'album'>[] = [];
  const tracks: TemplateRow<'tracks'>[] = [];
  let designation = 0;
  for (let a = 1; a <= shape.albums; a++) {
    const key = shape.kind === 'catalogue' ? { albumKey: `A${a}` } : {};
    albums.push({
      ...key,
      releaseType: '數位發行',
      title: `回溯專輯 第 ${a} 張 Back catalogue ${a}`,
      'credits.performer': '林小安、Earth, Wind & Fire',
      publisher: '山海唱片',
      releaseDate: `20${String(10 + (a % 16)).padStart(2, '0')}.0${1 + (a % 9)}`,
      productionCompany: '山海製作',
      albumType: '個人專輯',
      retroactive: '是',
    });
    for (let t = 1; t <= shape.tracksPerAlbum; t++) {
      designation++;
      tracks.push({
        ...key,
        trackNumber: String(t),
        cited: '否',
        isrc: `TW${code}26${String(designation).padStart(5, '0')}`,
        title: `第 ${t} 首 Track ${t}`,
        'credits.performer': '林小安',
        'credits.composer': '王大明',
        'credits.lyricist': '陳小美',
        productionCompany: '山海製作',
        duration: `${3 + (t % 5)}:${String(t % 60).padStart(2, '0')}`,
        recordingDate: '2025.09',
        aiAssisted: '否',
        producedAbroad: '否',
      });
    }
  }
  return writeTemplate({ lang: 'zh-TW', kind: shape.kind, rows: { album: albums, tracks } });
}

function multipart(xlsx: Buffer, cover: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----bench${Date.now().toString(16)}`;
  const part = (name: string, fileName: string, content: Buffer) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content,
      Buffer.from('\r\n'),
    ]);
  return {
    payload: Buffer.concat([part('file', 'bench.xlsx', xlsx), part('cover', 'cover.png', cover), Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function bareRead(file: string): Promise<BareReadAnswer> {
  const child = fork(BARE_CHILD, [file], { execArgv: ['--max-old-space-size=512', '--import', TSX], env: { TZ: 'UTC' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (answer) => resolve(answer as BareReadAnswer));
    child.once('exit', (code) => reject(new Error(`bare read child exited (${code ?? ''}) without an answer`)));
  });
}

const median = (values: readonly number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** One small preview first, not counted: JIT, the database's plans, the reader's spare child. */
async function warmUp(app: AppInstance, ctx: ServiceContext, cover: Buffer): Promise<void> {
  const member = await newRegistrant(ctx, 'company');
  const cookie = await loginCookie(app, member.loginName, TEST_PASSWORD);
  const { payload, headers } = multipart(await makeWorkbook({ label: 'warm-up', kind: 'album', albums: 1, tracksPerAlbum: 20 }, member.codes[0] ?? ''), cover);
  await app.inject({ method: 'POST', url: '/api/v1/import/previews', payload, headers: { ...headers, cookie } });
  await bareRead(writeTemp(ctx, 'warm-up.xlsx', await makeWorkbook({ label: 'warm-up', kind: 'album', albums: 1, tracksPerAlbum: 20 }, member.codes[0] ?? '')));
}

function writeTemp(ctx: ServiceContext, name: string, body: Buffer): string {
  const file = path.join(ctx.stagingDir ?? os.tmpdir(), `bench-${name}`);
  writeFileSync(file, body);
  return file;
}

async function run(bench: BenchContext): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'isrc-bench-import-'));
  mkdirSync(path.join(dir, 'files'));
  mkdirSync(path.join(dir, 'staging'));
  const handle = await openDatabase({ kind: 'postgres', url: bench.databaseUrl, poolSize: 4 });
  const server = createWorkbookReader();
  const reads: ReadStats[] = [];
  const reader: WorkbookReader = {
    read: async (filePath) => {
      const result = await server.read(filePath);
      reads.push(result.stats);
      return result;
    },
    close: () => server.close(),
    spareReady: () => server.spareReady(),
  };
  try {
    await handle.migrate();
    const ctx: ServiceContext = {
      db: handle.db,
      clock: fixedClock(NOW),
      countryCode: 'TW',
      timeZone: 'Asia/Taipei',
      sessionIdleMinutes: 60,
      agency: DEFAULT_AGENCY_CONTACT,
      storage: createFsStorage(path.join(dir, 'files')),
      stagingDir: path.join(dir, 'staging'),
      workbookReader: reader,
    };
    const app = await buildApp({ ctx });
    await app.ready();
    const cover = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    try {
      await warmUp(app, ctx, cover);
      for (const shape of SHAPES) {
        // A registrant of its own for each file: its codes are free in every run (each run rolls back).
        const member = await newRegistrant(ctx, 'company');
        const cookie = await loginCookie(app, member.loginName, TEST_PASSWORD);
        const xlsx = await makeWorkbook(shape, member.codes[0] ?? '');
        const file = path.join(dir, `${shape.albums}x${shape.tracksPerAlbum}.xlsx`);
        writeFileSync(file, xlsx);
        const previewMs: number[] = [];
        const bareMs: number[] = [];
        const bareRss: number[] = [];
        let last: ImportPreviewResponse | undefined;
        reads.length = 0;
        for (let i = 1; i <= RUNS; i++) {
          const { payload, headers } = multipart(xlsx, cover);
          await reader.spareReady();
          const started = performance.now();
          const res = await app.inject({ method: 'POST', url: '/api/v1/import/previews', payload, headers: { ...headers, cookie } });
          const ms = performance.now() - started;
          bench.log(`  … ${shape.label}: preview ${i} of ${RUNS}: ${seconds(ms)}`);
          if (res.statusCode !== 201) {
            throw new Error(`${shape.label}: preview answered ${res.statusCode} ${res.body.slice(0, 500)}`);
          }
          last = res.json<ImportPreviewResponse>();
          await reader.spareReady();
          const bare = await bareRead(file);
          previewMs.push(ms);
          bareMs.push(bare.ms);
          bareRss.push(bare.maxRssMb);
        }
        if (last === undefined) {
          continue;
        }
        if (shape.kind === 'catalogue' && (last.kind !== 'catalogue' || last.albumCount !== shape.albums)) {
          bench.log(`${shape.label}: skipped: catalogue not available (the preview read ${last.albumCount} album(s) of kind ${last.kind})`);
          continue;
        }
        const childRss = Math.max(...reads.map((r) => r.peakRssMb ?? 0));
        const p = median(previewMs);
        const b = median(bareMs);
        bench.log(`${shape.label}: ${(xlsx.length / 1024).toFixed(0)} KB, ${last.trackCount} tracks read, ${last.errorCount} errors, ${last.warningCount} warnings`);
        bench.log(`  preview (route → service)   median ${seconds(p)}  (runs: ${previewMs.map((v) => seconds(v)).join(', ')})`);
        const child = median(reads.map((r) => r.ms));
        bench.log(`    of which parsing child    median ${seconds(child)}  (read, convert, IPC); the rest ${seconds(p - child)} (staging, pre-scan, rows → drafts, checks, stored preview)`);
        bench.log(`  bare XLSX.read (child)      median ${seconds(b)}  (runs: ${bareMs.map((v) => seconds(v)).join(', ')})`);
        bench.log(`  ratio preview / bare read   ${(p / b).toFixed(2)}  (goal ≤ 1.5)`);
        bench.log(`  peak RSS of parsing child   ${childRss} MB  (goal ≤ 300 MB; bare read child ${Math.max(...bareRss)} MB)`);
        if (shape.albums * shape.tracksPerAlbum >= 5000) {
          bench.log(`  5,000-track catalogue       ${seconds(p)}  (goal < 10 s)`);
        }
      }
    } finally {
      await app.close();
    }
  } finally {
    reader.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const importBenchmark: Benchmark = {
  name: 'import',
  description: '專輯匯入 preview of 2,000 / 999 / 5,000-track files vs a bare SheetJS read of the same file',
  run,
};
