/**
 * 預覽資料 reads the workbook while the cover that follows it is still arriving: the read starts as
 * soon as the workbook part is staged, not after the whole upload (a large cover takes a while to
 * come and to decode). And an upload that fails after the workbook ends that read before answering.
 */
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { describe as describeError } from '../../src/import/import.routes.js';
import { createImportPreview, type UploadPart } from '../../src/import/import.service.js';
import { createWorkbookReader, ReadTurns, type WorkbookReader } from '../../src/import/spreadsheet/index.js';
import { compact, memberSession } from '../helpers/catalog.js';
import { newRegistrant } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';
import { image } from './covers-fixtures.js';
import { goodAlbum, multipartBody, trackRow, workbook } from './import-fixtures.js';

const env = useTestApp();
const real = createWorkbookReader({ warm: false });
afterAll(() => real.close());

/** The real reader, telling when a read begins and when it has answered. */
function watchedReader(): { reader: WorkbookReader; started: Promise<void>; reads: Promise<unknown>[] } {
  let begin = (): void => undefined;
  const started = new Promise<void>((resolve) => (begin = resolve));
  const reads: Promise<unknown>[] = [];
  const reader: WorkbookReader = {
    read: (filePath) => {
      begin();
      const read = real.read(filePath);
      reads.push(read);
      return read;
    },
    close: () => real.close(),
    spareReady: () => real.spareReady(),
  };
  return { reader, started, reads };
}

function filePart(fieldname: string, fileName: string, stream: Readable): UploadPart {
  return { type: 'file', fieldname, file: { fileName, stream, truncated: () => false } };
}

describe('專輯匯入: reading while the upload arrives', () => {
  it('starts reading the workbook before the cover after it has arrived', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    const xlsx = await workbook(goodAlbum, [trackRow(1, compact(member.codes[0] ?? '', 1))]);
    const cover = await image('png', 600, 600);
    const { reader, started } = watchedReader();
    // The cover's bytes come only once the read has begun: read after the upload, this never ends.
    const late = Readable.from(
      (async function* () {
        await started;
        yield cover;
      })(),
    );
    // eslint-disable-next-line @typescript-eslint/require-await -- an async iterable, as the route hands it over
    async function* parts(): AsyncGenerator<UploadPart> {
      yield filePart('file', 'album.xlsx', Readable.from([xlsx]));
      yield filePart('cover', 'cover.png', late);
    }
    const preview = await createImportPreview(env.ctx, member.actor, { reader, describe: describeError }, parts(), 'zh-TW');
    expect(preview.problems).toEqual([]);
    expect(preview.hasCover).toBe(true);
    expect(preview.tracks).toHaveLength(1);
  });

  it('an upload that breaks after the workbook answers its error once the read has ended', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    const xlsx = await workbook(goodAlbum, [trackRow(1, compact(member.codes[0] ?? '', 1))]);
    const { reader, reads } = watchedReader();
    // eslint-disable-next-line @typescript-eslint/require-await -- an async iterable, as the route hands it over
    async function* parts(): AsyncGenerator<UploadPart> {
      yield filePart('file', 'album.xlsx', Readable.from([xlsx]));
      // Fails as it is read, as a connection reset mid-cover does.
      const broken = new Readable({
        read() {
          this.destroy(new Error('connection reset'));
        },
      });
      yield filePart('cover', 'cover.png', broken);
    }
    await expect(createImportPreview(env.ctx, member.actor, { reader, describe: describeError }, parts(), 'zh-TW')).rejects.toThrow();
    expect(reads).toHaveLength(1);
    // Settled before the error was answered (its file is gone by then; a refusal is fine, a hang is not).
    const settled = await Promise.race([reads[0]?.then(() => 'settled'), new Promise((resolve) => setImmediate(() => resolve('pending')))]);
    expect(settled).toBe('settled');
  });

  it('an upload that breaks while its read waits for a turn leaves the queue at once: the retry is not told to wait', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    const xlsx = await workbook(goodAlbum, [trackRow(1, compact(member.codes[0] ?? '', 1))]);
    const turns = new ReadTurns(1, 8);
    const queued = createWorkbookReader({ warm: false, turns });
    await turns.take('someone else');
    try {
      async function* parts(): AsyncGenerator<UploadPart> {
        yield filePart('file', 'album.xlsx', Readable.from([xlsx]));
        // The cover fails once the read is queued behind the turn held above.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const broken = new Readable({
          read() {
            this.destroy(new Error('connection reset'));
          },
        });
        yield filePart('cover', 'cover.png', broken);
      }
      await expect(createImportPreview(env.ctx, member.actor, { reader: queued, describe: describeError }, parts(), 'zh-TW')).rejects.toThrow();
      // Answered while the turn is still held: the read left the queue and freed the user, whose
      // retry now waits for its turn instead of being told another file of theirs is being read.
      expect(turns.state).toEqual({ running: 1, waiting: 0 });
      const retry = turns.take(member.actor.userId);
      expect(turns.state).toEqual({ running: 1, waiting: 1 });
      turns.release('someone else');
      await retry;
      turns.release(member.actor.userId);
    } finally {
      queued.close();
    }
  });

  it('a streamed preview whose upload breaks after the workbook answers a real 400, not a 200 with an error line', async () => {
    const s = await memberSession(env, 'company');
    const xlsx = await workbook(goodAlbum, [trackRow(1, compact(s.member.codes[0] ?? '', 1))]);
    const { payload, headers } = multipartBody([{ name: 'file', fileName: 'album.xlsx', content: xlsx }]);
    // The body ends in the middle of the cover part: no closing boundary.
    const boundary = /boundary=(.+)$/.exec(headers['content-type'] ?? '')?.[1] ?? '';
    const cut = Buffer.concat([
      payload.subarray(0, payload.length - `--${boundary}--\r\n`.length),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="cover"; filename="c.png"\r\n\r\n\x89PNG`),
    ]);
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/import/previews', payload: cut, headers: { ...headers, cookie: s.api.cookie, accept: 'application/x-ndjson' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'MALFORMED_REQUEST' } });
  });
});
