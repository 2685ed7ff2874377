/**
 * Turns to read workbooks (src/import/spreadsheet/read-turns.ts), through the route: when every
 * turn is taken and the queue is full a preview answers 503 IMPORT_BUSY with Retry-After, one user
 * gets one file read at a time (409 IMPORT_IN_PROGRESS), and nothing is written either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { AppInstance } from '../../src/http/types.js';
import { createWorkbookReader, ReadTurns, type WorkbookReader } from '../../src/import/spreadsheet/index.js';
import { compact, failed, memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { image } from './covers-fixtures.js';
import { goodAlbum, postPreview, trackRow, workbook } from './import-fixtures.js';

const env = useTestApp();
/** One read at a time and nobody waiting: a turn held here makes the server "busy". */
const turns = new ReadTurns(1, 0);
let reader: WorkbookReader;
let app: AppInstance;
let first: MemberSession;
let second: MemberSession;
let cover: Buffer;

beforeAll(async () => {
  reader = createWorkbookReader({ warm: false, turns });
  app = await buildApp({ ctx: { ...env.ctx, workbookReader: reader } });
  await app.ready();
  first = await memberSession({ ...env, app }, 'company');
  second = await memberSession({ ...env, app }, 'company');
  cover = await image('png', 300, 300);
});

afterAll(async () => {
  await app.close();
  reader.close();
});

async function xlsxOf(s: MemberSession): Promise<Buffer> {
  return workbook(goodAlbum, [trackRow(1, compact(s.member.codes[0] ?? '', 1))]);
}

describe('專輯匯入 when the reader is busy', () => {
  it('answers 503 with Retry-After while every turn is taken, in both languages, then reads again', async () => {
    await turns.take('someone else');
    const zh = await postPreview({ ...env, app }, first.api, await xlsxOf(first), cover);
    expect(failed(zh, 503, 'IMPORT_BUSY').message).toContain('10 秒後再上傳');
    expect(zh.headers['retry-after']).toBe('10');
    const en = await postPreview({ ...env, app }, first.api, await xlsxOf(first), cover, { lang: 'en' });
    expect(failed(en, 503, 'IMPORT_BUSY').message).toContain('upload again in 10 seconds');
    turns.release('someone else');

    const res = ok(await postPreview({ ...env, app }, first.api, await xlsxOf(first), cover), 201);
    expect(res.json<{ errorCount: number }>().errorCount).toBe(0);
  });

  it('reads one file of a user at a time: a second one while the first is read is 409', async () => {
    await turns.take(second.member.userId);
    const res = await postPreview({ ...env, app }, second.api, await xlsxOf(second), cover);
    expect(failed(res, 409, 'IMPORT_IN_PROGRESS').message).toContain('另一個匯入檔正在讀取');
    turns.release(second.member.userId);
    ok(await postPreview({ ...env, app }, second.api, await xlsxOf(second), cover), 201);
    expect(turns.state).toEqual({ running: 0, waiting: 0 });
  });
});
