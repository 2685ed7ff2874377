/**
 * The server's workbook reader (src/main.ts makes it once and passes it in the service context):
 * the import routes use that one, and a spare child that dies — killed, out of memory — is
 * replaced, so the next preview still works.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { AppInstance } from '../../src/http/types.js';
import type { ImportPreviewResponse } from '../../src/import/import.schemas.js';
import { createWorkbookReader, type WorkbookReader } from '../../src/import/spreadsheet/index.js';
import { compact, memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { image } from './covers-fixtures.js';
import { goodAlbum, postPreview, trackRow, workbook } from './import-fixtures.js';

const env = useTestApp();
let reader: WorkbookReader;
let reads = 0;
let app: AppInstance;
let s: MemberSession;
let cover: Buffer;

/** The parsing children this test process has started (the integration pool runs each file in its own process). */
function readerChildren(): number[] {
  const pids = readdirSync(`/proc/${process.pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8')
      .split(' ')
      .filter((p) => p !== '')
      .map(Number),
  );
  return pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('read-workbook.child');
    } catch {
      return false; // gone meanwhile
    }
  });
}

async function until<T>(what: string, get: () => T | undefined, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
  } catch {
    return false;
  }
};

beforeAll(async () => {
  const server = createWorkbookReader();
  reader = { read: (filePath) => (reads++, server.read(filePath)), close: () => server.close(), spareReady: () => server.spareReady() };
  // As main.ts does: the reader made once, before the app, and handed in the context.
  app = await buildApp({ ctx: { ...env.ctx, workbookReader: reader } });
  await app.ready();
  s = await memberSession({ ...env, app }, 'company');
  cover = await image('png', 400, 400);
});

afterAll(async () => {
  await app.close();
  reader.close();
});

async function previewWorks(n: number): Promise<void> {
  const code = s.member.codes[0] ?? '';
  const xlsx = await workbook(goodAlbum, [trackRow(1, compact(code, n))]);
  const p = ok(await postPreview({ ...env, app }, s.api, xlsx, cover), 201).json<ImportPreviewResponse>();
  expect(p.errorCount).toBe(0);
}

describe('the workbook reader of the server', () => {
  it('is the one in the service context, and a killed spare child is replaced before the next preview', async () => {
    const spare = await until('the spare child', () => readerChildren()[0]);
    await previewWorks(1);
    expect(reads).toBe(1);

    // The spare started for the next upload dies while it waits.
    const next = await until('a new spare', () => readerChildren().find((pid) => pid !== spare && alive(pid)));
    process.kill(next, 'SIGKILL');
    await until('the killed child to be gone', () => (alive(next) ? undefined : true));
    const replacement = await until('the replacement', () => readerChildren().find((pid) => pid !== next && pid !== spare && alive(pid)));
    expect(replacement).not.toBe(next);

    await previewWorks(2);
    expect(reads).toBe(2);
  }, 300_000);

  it('answers a preview even when the spare was killed the moment before', async () => {
    const spare = await until('a spare', () => readerChildren().find(alive));
    process.kill(spare, 'SIGKILL');
    await previewWorks(3);
  }, 300_000);
});
