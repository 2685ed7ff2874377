import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import type { ImportPreviewResponse } from '../../src/import/import.schemas.js';
import { addTrack, createAlbum, failed, memberSession, ok, type Client, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { image } from './covers-fixtures.js';
import { goodAlbum, postPreview, trackRow, workbook } from './import-fixtures.js';

// Length limits hold on the text as stored: NFC turns U+1D160 (one code point, within the
// request's maxLength) into three, and U+FB2C likewise, so 500 of them must not become a
// 1,500-character title. The answer is the one a too-long field gets from request validation.
const env = useTestApp();
const NOTE = '\u{1D160}';
const SHIN = '\uFB2C';
let co: MemberSession;

beforeAll(async () => {
  co = await memberSession(env, 'company');
});

describe('text that normalisation lengthens', () => {
  it('is refused like a too-long field, in both languages, and nothing is stored', async () => {
    const album = await createAlbum(co.api);
    const fieldsOf = (reply: Awaited<ReturnType<Client['call']>>) => failed(reply, 400, 'VALIDATION_FAILED').details?.fields;
    for (const lang of ['zh-TW', 'en']) {
      const tooLong = fieldsOf(await co.api.call('PATCH', `/albums/${album.id}`, { title: 'x'.repeat(501) }, lang));
      expect(fieldsOf(await co.api.call('PATCH', `/albums/${album.id}`, { title: NOTE.repeat(500) }, lang))).toEqual(tooLong);
    }
    const names = fieldsOf(await co.api.call('PATCH', `/albums/${album.id}`, { credits: [{ role: 'performer', names: [SHIN.repeat(200)] }] }, 'en'));
    expect(names).toEqual([{ field: 'credits.0.names.0', code: 'maxLength', message: 'At most 200 characters.' }]);
    const track = await addTrack(co.api, album.id, { title: '曲' }, { mode: 'none' });
    const theme = fieldsOf(await co.api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, { theme: NOTE.repeat(200) }, 'zh-TW'));
    expect(theme).toEqual([{ field: 'theme', code: 'maxLength', message: '最多 500 個字元。' }]);
    // Adding a track: named as the services name a field of the recording (like recordingDate).
    const added = fieldsOf(await co.api.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'none' }, recording: { title: NOTE.repeat(500) } }, 'en'));
    expect(added).toEqual([{ field: 'title', code: 'maxLength', message: 'At most 500 characters.' }]);
    const stored = ok(await co.api.call('GET', `/albums/${album.id}`)).json<AlbumResponse>();
    expect(stored.title).toBe('');
    expect(stored.tracks.map((t) => [t.recording.title, t.recording.theme])).toEqual([['曲', '']]);
  });

  it('is refused by the import too, naming the cell', async () => {
    const xlsx = await workbook({ ...goodAlbum, '*專輯名稱': NOTE.repeat(500) }, [trackRow(1, '', { 表演者: SHIN.repeat(200) })]);
    const preview = ok(await postPreview(env, co.api, xlsx, await image('png', 600, 600), { lang: 'en' }), 201).json<ImportPreviewResponse>();
    expect(preview.problems.filter((p) => p.severity === 'error').map((p) => [p.scope, p.column])).toEqual(
      expect.arrayContaining([
        ['album', '*專輯名稱'],
        ['track', '表演者'],
      ]),
    );
  });
});
