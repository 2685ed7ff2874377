/**
 * Export → import round trip (issue 15): an album with every field filled, exported with
 * GET /albums/{id}/export.xlsx in zh-TW and in English headings, then imported (預覽資料 → 確認匯入)
 * gives the same album, compared field by field through the catalog view.
 *
 * ISRCs: a company's own codes are unique in the registry, so they cannot belong to the original and
 * the copy at once. The honest scenario is the one a registrant actually lives through: export the
 * draft, fix it in Excel, delete the draft in the app (its typed codes go back to the registrant),
 * and import the file — the ISRCs come back exactly. While the original still exists the same file is
 * refused code by code (ISRC_TAKEN), which the test checks first.
 *
 * Differences that are inherent and not compared: ids, album number, timestamps, status; the cover
 * (not part of the workbook: the import uploads it beside the file); audio (never in a workbook).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import { CREDIT_ROLES } from '../../src/catalog/vocabularies.js';
import type { ImportPreviewResponse } from '../../src/import/import.schemas.js';
import type { TemplateLang } from '../../src/import/template/columns.js';
import { addTrack, approvedAlbum, compact, createAlbum, getAlbum, memberSession, ok, staffSession, type Client, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { image } from './covers-fixtures.js';
import { postPreview } from './import-fixtures.js';

const env = useTestApp();
let staff: Client;
let cover: Buffer;

beforeAll(async () => {
  staff = await staffSession(env);
  cover = await image('png', 600, 600);
});

/** Every credit role, names in Chinese and English, one with a comma (not a separator). */
const allCredits = (prefix: string) =>
  CREDIT_ROLES.map((role, i) => ({ role: role.code, names: i === 0 ? [`${prefix}林小安`, 'Earth, Wind & Fire'] : [`${prefix}${role.zh}甲`, `${role.en} B`] }));

/** The original: every album field, an own track over an hour, a version of the cited one, a foreign track, a cited track. */
async function originalAlbum(s: MemberSession, citedIsrc: string, citedId: string, foreignIsrc: string): Promise<AlbumResponse> {
  const code = s.member.codes[0] ?? '';
  const album = await createAlbum(
    s.api,
    {
      // `_x0041_` written literally: OOXML's escape for "A", which the export must escape in turn.
      title: '山與海 Mountains & Sea（現場）_x0041_ _X0042_',
      credits: allCredits(''),
      publisher: '山海唱片 Shanhai Records',
      releaseDate: '2026.03',
      productionCompany: '山海製作有限公司',
      totalDuration: '1:15:30',
      albumType: 'live',
      workCategory: 'sound-recording',
      mediaForm: 'cd',
      publicationCategory: 'traditional',
      introduction: '第一行介紹。\n Second line, with "quotes" & <angle> = +1',
      retroactive: true,
    },
    'physical',
  );
  await addTrack(
    s.api,
    album.id,
    {
      title: '長夜 The Long Night _x005F_',
      storyTitle: '故事 Story',
      episode: '第一段',
      theme: '主題 Theme',
      playTitle: '劇目 Play',
      description: '曲目介紹\n第二行',
      credits: allCredits('曲'),
      productionCompany: '山海製作有限公司',
      duration: '1:02:05',
      recordingDate: '2025.09',
      aiAssisted: true,
      producedAbroad: false,
    },
    { mode: 'own', isrc: compact(code, 7) },
  );
  await addTrack(
    s.api,
    album.id,
    {
      title: '舊歌 (Remix)',
      credits: [{ role: 'performer', names: ['林小安'] }],
      productionCompany: 'Remix Studio',
      duration: '0:59',
      recordingDate: '2026',
      versionType: 'remix',
      versionOfIsrc: citedIsrc,
    },
    { mode: 'own', isrc: compact(code, 8) },
  );
  await addTrack(
    s.api,
    album.id,
    { title: 'Far Away', credits: [{ role: 'performer', names: ['Guest Band'] }], productionCompany: 'Abroad Ltd', duration: '3:00', producedAbroad: true },
    { mode: 'foreign', isrc: foreignIsrc },
  );
  ok(await s.api.call('POST', `/albums/${album.id}/tracks/cite`, { recordingId: citedId }), 201);
  return getAlbum(s.api, album.id);
}

/** The catalog view without what a new album necessarily has anew (ids, number, times, status, cover, audio). */
function comparable(album: AlbumResponse) {
  const omit = <T extends object>(value: T, keys: readonly string[]): Partial<T> => Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k))) as Partial<T>;
  return {
    ...omit(album, ['id', 'albumNumber', 'createdAt', 'updatedAt', 'submittedAt', 'status', 'cover', 'tracks']),
    tracks: album.tracks.map((track) => ({
      ...omit(track, ['id', 'audio', 'audioReplaceable', 'recording']),
      // A cited track is the same recording (same id); a new one is a new recording.
      recording: track.cited ? track.recording : omit(track.recording, ['id']),
    })),
  };
}

async function exportOf(api: Client, albumId: string, lang: TemplateLang): Promise<Buffer> {
  const res = ok(await api.call('GET', `/albums/${albumId}/export.xlsx?lang=${lang}`));
  return res.rawPayload;
}

async function preview(s: MemberSession, xlsx: Buffer, lang: TemplateLang): Promise<ImportPreviewResponse> {
  return ok(await postPreview(env, s.api, xlsx, cover, { lang }), 201).json<ImportPreviewResponse>();
}

async function deleteDraft(api: Client, album: AlbumResponse): Promise<void> {
  for (const track of album.tracks) {
    ok(await api.call('DELETE', `/albums/${album.id}/tracks/${track.id}`), 204);
  }
  ok(await api.call('DELETE', `/albums/${album.id}`), 204);
}

describe.each<TemplateLang>(['zh-TW', 'en'])('export → import round trip (%s headings)', (lang) => {
  it('reproduces the album and its tracks exactly', async () => {
    const s = await memberSession(env, 'company');
    const code = s.member.codes[0] ?? '';
    const earlier = await approvedAlbum(s, staff, '舊專輯', ['舊歌']);
    const cited = earlier.tracks[0]?.recording;
    const foreign = lang === 'en' ? 'USRC17600012' : 'USRC17600013';
    const original = await originalAlbum(s, cited?.isrc ?? '', cited?.id ?? '', foreign);
    expect(original.tracks).toHaveLength(4);
    const xlsx = await exportOf(s.api, original.id, lang);

    // While the original stands, its codes (own and foreign) are taken: refused row by row.
    const taken = await preview(s, xlsx, lang);
    const errors = taken.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.row)).toEqual([2, 3, 4]);
    expect(errors[0]?.message).toContain(code);

    await deleteDraft(s.api, original);
    const p = await preview(s, xlsx, lang);
    expect(p.problems).toEqual([]);
    const done = ok(await s.api.call('POST', `/import/previews/${p.id}/confirm`, undefined, lang)).json<ImportPreviewResponse>();
    const imported = await getAlbum(s.api, done.albumIds?.[0] ?? '');
    expect(imported.status).toBe('draft');
    expect(imported.cover).not.toBeNull();
    expect(comparable(imported)).toEqual(comparable(original));
  });
});
