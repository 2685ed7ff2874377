import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse, TrackResponse } from '../../src/catalog/catalog.schemas.js';
import { addTrack, addTrackReq, compact, completeAlbumFields, completeRecording, createAlbum, display, failed, getAlbum, memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// Two ISRC rules checked when a code is attached must keep holding afterwards, and on 送出審核:
// an own code from before its registrant code was allocated only on a 回溯編碼 album, and a foreign
// recording's code only on a recording produced abroad (境外製作). Clock: 2026-06-15, codes of 2026.

const env = useTestApp();

interface ProblemJson {
  scope: string;
  position?: number;
  field: string;
  code: string;
  message: string;
}

const problemsOf = (error: { details?: Record<string, unknown> }): ProblemJson[] => (error.details?.problems ?? []) as ProblemJson[];

const FOREIGN_ZH = '境外錄音 ISRC 只能用於境外製作的錄音：請將「是否為境外作品」選為「是」，或改用本國的 ISRC 編號。';
const FOREIGN_EN = 'A foreign recording\'s ISRC is only for a recording produced abroad: set "Produced abroad?" to yes, or use an ISRC of this country instead.';

describe('回溯編碼: an own code from before its registrant code was allocated', () => {
  let co: MemberSession;
  let code: string;

  beforeAll(async () => {
    co = await memberSession(env);
    code = co.member.codes[0]!;
  });

  async function retroAlbum(title: string): Promise<{ album: AlbumResponse; old: TrackResponse }> {
    const album = await createAlbum(co.api, { ...completeAlbumFields(title), releaseDate: '1999-05-01', retroactive: true });
    await addTrack(co.api, album.id, completeRecording('今年的歌'), { mode: 'next' });
    const old = await addTrack(co.api, album.id, completeRecording('1999 年的歌'), { mode: 'own', isrc: compact(code, 1, 99), confirmJump: true });
    return { album, old };
  }

  it('keeps the album 回溯編碼 while a track needs it, naming the tracks and codes in both languages', async () => {
    const { album, old } = await retroAlbum('不能取消回溯');
    const zh = failed(await co.api.call('PATCH', `/albums/${album.id}`, { retroactive: false, releaseDate: '2026-01-01' }), 409, 'ALBUM_RETROACTIVE_REQUIRED');
    expect(zh.message).toBe(`第 2 首的 ISRC（${display(code, 1, 99)}）年份早於其登記者代碼的配發年份，只能用於回溯編碼專輯：請將本專輯保持為回溯編碼，或先更換這些曲目的 ISRC。`);
    expect(zh.details).toMatchObject({ positions: '2', tracks: [{ id: old.id, position: 2, isrc: display(code, 1, 99), year: 1999, allocatedYear: 2026 }] });
    const en = failed(await co.api.call('PATCH', `/albums/${album.id}`, { retroactive: false }, 'en'), 409, 'ALBUM_RETROACTIVE_REQUIRED');
    expect(en.message).toBe(
      `Tracks 2 have ISRCs (${display(code, 1, 99)}) with a year before their registrant code was allocated, allowed only on a retroactive album: keep the album a retroactive assignment, or change those ISRCs first.`,
    );
    // Nothing of the refused save was kept.
    expect(await getAlbum(co.api, album.id)).toMatchObject({ retroactive: true, releaseDate: '1999-05-01' });
    // Other fields still save; and once the old code is gone, the box can be cleared.
    ok(await co.api.call('PATCH', `/albums/${album.id}`, { retroactive: true, title: '改名' }));
    ok(await co.api.call('PUT', `/albums/${album.id}/tracks/${old.id}/isrc`, { isrc: { mode: 'next' } }));
    const cleared = ok(await co.api.call('PATCH', `/albums/${album.id}`, { retroactive: false })).json<AlbumResponse>();
    expect(cleared.retroactive).toBe(false);
  });

  it('refuses 送出審核 of an album that is not 回溯編碼 but carries such a code, and leaves it a draft', async () => {
    const { album } = await retroAlbum('已取消的回溯');
    // However it got there (cleared before this rule held it): the submission checks again.
    await env.handle.db.execute(sql`update albums set retroactive = false where id = ${album.id}`);
    const refused = failed(await co.api.call('POST', `/albums/${album.id}/submit`), 409, 'ALBUM_RETROACTIVE_REQUIRED');
    expect(refused.details).toMatchObject({ positions: '2', isrcs: display(code, 1, 99) });
    expect(await getAlbum(co.api, album.id)).toMatchObject({ status: 'draft', submittedAt: null });
    // Marked 回溯編碼 again, it goes in.
    ok(await co.api.call('PATCH', `/albums/${album.id}`, { retroactive: true }));
    expect(ok(await co.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>().status).toBe('submitted');
  });
});

describe('境外錄音 ISRC: only on a recording produced abroad', () => {
  let person: MemberSession;
  let co: MemberSession;

  beforeAll(async () => {
    person = await memberSession(env, 'individual');
    co = await memberSession(env);
  });

  it('refuses a foreign code on a domestic recording (it would skip the pool code), in both languages', async () => {
    const album = await createAlbum(person.api, completeAlbumFields('在家錄的'));
    const zh = failed(
      await addTrackReq(person.api, album.id, completeRecording('家裡錄音', { producedAbroad: false }), { mode: 'foreign', isrc: 'USZZZ2612345' }),
      400,
      'ISRC_FOREIGN_NOT_ABROAD',
    );
    expect(zh.message).toBe(FOREIGN_ZH);
    const en = await person.api.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'foreign', isrc: 'USZZZ2612345' }, recording: completeRecording('家裡錄音') }, 'en');
    expect(failed(en, 400, 'ISRC_FOREIGN_NOT_ABROAD').message).toBe(FOREIGN_EN);
    expect((await getAlbum(person.api, album.id)).tracks).toEqual([]);
    // On an existing domestic track too (PUT …/isrc).
    const track = await addTrack(person.api, album.id, completeRecording('家裡錄音'));
    failed(await person.api.call('PUT', `/albums/${album.id}/tracks/${track.id}/isrc`, { isrc: { mode: 'foreign', isrc: 'USZZZ2612345' } }), 400, 'ISRC_FOREIGN_NOT_ABROAD');
    // The form's order for a recording made abroad: save 是否為境外作品, then the code.
    ok(await person.api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, { producedAbroad: true }));
    const foreign = ok(await person.api.call('PUT', `/albums/${album.id}/tracks/${track.id}/isrc`, { isrc: { mode: 'foreign', isrc: 'USZZZ2612345' } })).json<TrackResponse>();
    expect(foreign.recording).toMatchObject({ isrc: 'USZZZ2612345', isrcSource: 'foreign', producedAbroad: true });
  });

  it('refuses 送出審核 while a foreign code sits on a recording no longer marked produced abroad', async () => {
    const album = await createAlbum(co.api, completeAlbumFields('境外改本國'));
    const track = await addTrack(co.api, album.id, completeRecording('倫敦錄音', { producedAbroad: true }), { mode: 'foreign', isrc: 'GBZZZ2654321' });
    expect(track.done).toBe(true);
    // Unticked afterwards (the form saves the fields before any new code): saved, but not complete.
    const unticked = ok(await co.api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, { producedAbroad: false })).json<TrackResponse>();
    expect(unticked.done).toBe(false);
    const zh = failed(await co.api.call('POST', `/albums/${album.id}/submit`), 422, 'ALBUM_INCOMPLETE');
    expect(problemsOf(zh)).toEqual([{ scope: 'track', trackId: track.id, position: 1, field: 'isrc', code: 'foreign-not-abroad', message: `第 1 首：${FOREIGN_ZH}` }]);
    const en = failed(await co.api.call('POST', `/albums/${album.id}/submit`, undefined, 'en'), 422, 'ALBUM_INCOMPLETE');
    expect(problemsOf(en)[0]?.message).toBe(`Track 1: ${FOREIGN_EN}`);
    expect(await getAlbum(co.api, album.id)).toMatchObject({ status: 'draft' });
    // Either fix goes in: here, a code of our own instead.
    ok(await co.api.call('PUT', `/albums/${album.id}/tracks/${track.id}/isrc`, { isrc: { mode: 'next' } }));
    expect(ok(await co.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>().status).toBe('submitted');
  });
});
