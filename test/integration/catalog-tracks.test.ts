import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse, TrackResponse } from '../../src/catalog/catalog.schemas.js';
import { ensurePoolCode } from '../helpers/factories.js';
import { addTrack, addTrackReq, compact, completeRecording, counterValue, createAlbum, display, failed, getAlbum, memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// New tracks and their ISRCs: none, next available, a company's own code, a foreign recording's
// code; changing a track's ISRC; editing, deleting and the remix/version rule.

const env = useTestApp();

const positions = (album: AlbumResponse) => album.tracks.map((t) => [t.position, t.recording.title]);

describe('a company adding new tracks', () => {
  let co: MemberSession;
  let code: string;
  let album: AlbumResponse;

  beforeAll(async () => {
    co = await memberSession(env, 'company', { codes: 2, allocatedYear: 2025 }); // codes carried over from 2025: last year's codes are possible
    code = co.member.codes[0]!;
    album = await createAlbum(co.api, { title: '公司專輯' });
  });

  it('adds a track without an ISRC for now, at the end of the album', async () => {
    const track = await addTrack(co.api, album.id, { title: '  還沒有碼  ', duration: '4:05', recordingDate: '2025.9' });
    expect(track).toMatchObject({ position: 1, cited: false, done: false });
    expect(track.recording).toMatchObject({ isrc: null, isrcSource: null, title: '還沒有碼', duration: '0:04:05', durationSeconds: 245, recordingDate: '2025-09' });
    failed(await addTrackReq(co.api, album.id, { title: 'x', recordingDate: '2025.09.01' }), 400, 'VALIDATION_FAILED');
    failed(await addTrackReq(co.api, album.id, { title: 'x', duration: 'four minutes' }), 400, 'VALIDATION_FAILED');
    expect((await getAlbum(co.api, album.id)).tracks).toHaveLength(1);
  });

  it("takes the next available code, consecutive across the company's albums", async () => {
    const before = await counterValue(env, code);
    const other = await createAlbum(co.api, { title: '另一張' });
    const a = await addTrack(co.api, album.id, { title: '下一個 1' }, { mode: 'next' });
    const b = await addTrack(co.api, other.id, { title: '下一個 2' }, { mode: 'next' });
    expect([a.recording.isrcDisplay, b.recording.isrcDisplay]).toEqual([display(code, before + 1), display(code, before + 2)]);
    expect(a.recording).toMatchObject({ isrc: compact(code, before + 1), isrcSource: 'system' });
    const second = co.member.codes[1]!;
    const onSecond = ok(
      await co.api.call('POST', `/albums/${other.id}/tracks`, { isrc: { mode: 'next', registrantCode: second }, recording: { title: '第二代碼' } }),
      201,
    ).json<TrackResponse>();
    expect(onSecond.recording.isrcDisplay).toBe(display(second, await counterValue(env, second)));
    expect(onSecond.recording.isrc?.slice(2, 5)).toBe(second);
  });

  it('accepts its own code in any spelling and moves "next available" past it', async () => {
    const own = await addTrack(co.api, album.id, { title: '自編' }, { mode: 'own', isrc: `isrc: tw-${code.toLowerCase()}-26-00500`, confirmJump: true });
    expect(own.recording).toMatchObject({ isrc: compact(code, 500), isrcDisplay: display(code, 500), isrcSource: 'own' });
    const past = await addTrack(co.api, album.id, { title: '去年的碼' }, { mode: 'own', isrc: compact(code, 42, 25) });
    expect(past.recording.isrcDisplay).toBe(display(code, 42, 25));
    const next = await addTrack(co.api, album.id, { title: '之後' }, { mode: 'next' });
    expect(next.recording.isrcDisplay).toBe(display(code, 501));
  });

  it('uses a code it reserved earlier (POST /allocations) as its own', async () => {
    const fresh = await memberSession(env);
    const freshCode = fresh.member.codes[0]!;
    const reserved = ok(await fresh.api.call('POST', '/allocations', { count: 2 }), 201).json<{ isrcs: { isrc: string }[] }>();
    expect(reserved.isrcs.map((r) => r.isrc)).toEqual([compact(freshCode, 1), compact(freshCode, 2)]);
    const freshAlbum = await createAlbum(fresh.api);
    const used = await addTrack(fresh.api, freshAlbum.id, { title: '預留的' }, { mode: 'own', isrc: compact(freshCode, 2) });
    expect(used.recording).toMatchObject({ isrc: compact(freshCode, 2), isrcSource: 'own' });
    const next = await addTrack(fresh.api, freshAlbum.id, { title: '接著' }, { mode: 'next' });
    expect(next.recording.isrc).toBe(compact(freshCode, 3));
    expect(await counterValue(env, freshCode)).toBe(3);
  });

  it('refuses a code outside its own registrant codes', async () => {
    const other = await memberSession(env, 'company');
    const count = (await getAlbum(co.api, album.id)).tracks.length;
    const error = failed(await addTrackReq(co.api, album.id, { title: '借碼' }, { mode: 'own', isrc: compact(other.member.codes[0]!, 7) }), 400, 'ISRC_NOT_OWN_CODE');
    expect(error.message).toBe(`ISRC ${display(other.member.codes[0]!, 7)} 的登記者代碼 TW-${other.member.codes[0]!} 不屬於您的單位。`);
    failed(await addTrackReq(co.api, album.id, { title: '外國' }, { mode: 'own', isrc: `US${code}2600007` }), 400, 'ISRC_NOT_OWN_CODE');
    failed(await addTrackReq(co.api, album.id, { title: '短' }, { mode: 'own', isrc: `TW${code}260007` }), 400, 'ISRC_INVALID');
    failed(await co.api.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'next', registrantCode: other.member.codes[0] }, recording: {} }), 400, 'ISRC_NOT_OWN_CODE');
    expect((await getAlbum(co.api, album.id)).tracks).toHaveLength(count);
  });

  it('refuses a year after this year', async () => {
    const before = await counterValue(env, code, 27);
    const zh = failed(await addTrackReq(co.api, album.id, { title: '明年' }, { mode: 'own', isrc: compact(code, 1, 27) }), 400, 'ISRC_YEAR_IN_FUTURE');
    expect(zh.message).toBe('ISRC 年份不可晚於今年（2026）。');
    const en = await co.api.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'own', isrc: compact(code, 1, 27) }, recording: {} }, 'en');
    expect(en.json<{ error: { message: string } }>().error.message).toBe('The ISRC year may not be after this year (2026).');
    expect(await counterValue(env, code, 27)).toBe(before);
  });

  it('refuses the same code twice, naming the album that holds it', async () => {
    const holder = await createAlbum(co.api, { title: '先用的' });
    await addTrack(co.api, holder.id, { title: '原曲' }, { mode: 'own', isrc: compact(code, 600), confirmJump: true });
    const again = await addTrackReq(co.api, album.id, { title: '重複' }, { mode: 'own', isrc: display(code, 600) });
    const error = failed(again, 409, 'ISRC_TAKEN');
    expect(error.message).toBe(`ISRC ${display(code, 600)} 已被使用（專輯《先用的》，專輯編號 ${holder.albumNumber}）。`);
    const en = await co.api.call('POST', `/albums/${holder.id}/tracks`, { isrc: { mode: 'own', isrc: compact(code, 600) }, recording: {} }, 'en');
    expect(en.json<{ error: { message: string } }>().error.message).toBe(`ISRC ${display(code, 600)} is already in use (album "先用的", number ${holder.albumNumber}).`);
    // A code handed out by "next" is just as taken.
    const system = await addTrack(co.api, holder.id, { title: '系統碼' }, { mode: 'next' });
    expect(system.recording.isrcDisplay).toBe(display(code, 601));
    failed(await addTrackReq(co.api, album.id, { title: '抄系統碼' }, { mode: 'own', isrc: system.recording.isrc ?? '' }), 409, 'ISRC_TAKEN');
    const untitled = await createAlbum(co.api);
    await addTrack(co.api, untitled.id, { title: 'x' }, { mode: 'own', isrc: compact(code, 700), confirmJump: true });
    const unnamed = failed(await addTrackReq(co.api, album.id, {}, { mode: 'own', isrc: compact(code, 700) }), 409, 'ISRC_TAKEN');
    expect(unnamed.message).toBe(`ISRC ${display(code, 700)} 已被使用（專輯《未命名》，專輯編號 ${untitled.albumNumber}）。`);
  });

  it('reports an existing foreign ISRC, with prefix warnings only, but not one of this country', async () => {
    const gb = await addTrack(co.api, album.id, { title: '英國錄音' }, { mode: 'foreign', isrc: 'gb-aaa-99-12345' });
    expect(gb.recording).toMatchObject({ isrc: 'GBAAA9912345', isrcDisplay: 'GB-AAA-99-12345', isrcSource: 'foreign' });
    const unknownPrefix = await addTrack(co.api, album.id, { title: '未知國碼' }, { mode: 'foreign', isrc: 'XXA011800001' });
    expect(unknownPrefix.recording.isrcSource).toBe('foreign');
    const nextYear = await addTrack(co.api, album.id, { title: '明年的外國碼' }, { mode: 'foreign', isrc: 'USAB12700001' });
    expect(nextYear.recording.isrcDisplay).toBe('US-AB1-27-00001');
    const own = failed(await addTrackReq(co.api, album.id, { title: '本國' }, { mode: 'foreign', isrc: display(code, 9) }), 400, 'ISRC_NOT_FOREIGN');
    expect(own.message).toContain(display(code, 9));
    failed(await addTrackReq(co.api, album.id, { title: '壞碼' }, { mode: 'foreign', isrc: 'GB-AAA-99-1234' }), 400, 'ISRC_INVALID');
    failed(await addTrackReq(co.api, album.id, { title: '又一次' }, { mode: 'foreign', isrc: 'GBAAA9912345' }), 409, 'ISRC_TAKEN');
  });
});

describe('an individual adding new tracks', () => {
  it('leaves the ISRC to the submission, except for foreign recordings', async () => {
    const [pool] = await ensurePoolCode(env.ctx);
    const person = await memberSession(env, 'individual');
    const album = await createAlbum(person.api, { title: '個人專輯' });
    expect(album.isrcAssignedOnSubmission).toBe(true);
    const before = await counterValue(env, pool!);
    for (const choice of [{ mode: 'next' as const }, { mode: 'own' as const, isrc: compact(pool!, 1) }]) {
      const error = failed(await addTrackReq(person.api, album.id, { title: '想自己編' }, choice), 400, 'ISRC_ASSIGNED_ON_SUBMISSION');
      expect(error.message).toBe('個人登記者的 ISRC 編號於送出審核後由系統自動配發。');
    }
    const track = await addTrack(person.api, album.id, completeRecording('等配發'));
    expect(track).toMatchObject({ done: true, recording: { isrc: null } });
    failed(await person.api.call('PUT', `/albums/${album.id}/tracks/${track.id}/isrc`, { isrc: { mode: 'next' } }), 400, 'ISRC_ASSIGNED_ON_SUBMISSION');
    const foreign = await addTrack(person.api, album.id, { title: '國外' }, { mode: 'foreign', isrc: 'JPAB01500001' });
    expect(foreign.recording.isrcSource).toBe('foreign');
    expect(await counterValue(env, pool!)).toBe(before);
  });
});

describe("changing a track's ISRC", () => {
  it('sets, replaces and clears the code; a replaced system code is never handed out again', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    const album = await createAlbum(co.api, { title: '換碼' });
    // Produced abroad, so it may also take a foreign recording's code below.
    const track = await addTrack(co.api, album.id, { title: '曲', producedAbroad: true });
    const put = (isrc: unknown) => co.api.call('PUT', `/albums/${album.id}/tracks/${track.id}/isrc`, { isrc });
    const first = ok(await put({ mode: 'next' })).json<TrackResponse>();
    expect(first.recording.isrcDisplay).toBe(display(code, 1));
    const again = ok(await put({ mode: 'own', isrc: display(code, 1) })).json<TrackResponse>(); // its own code again is fine
    expect(again.recording).toMatchObject({ isrc: compact(code, 1), isrcSource: 'own' });
    const second = ok(await put({ mode: 'next' })).json<TrackResponse>();
    expect(second.recording.isrcDisplay).toBe(display(code, 2));
    const foreign = ok(await put({ mode: 'foreign', isrc: 'FRZ039900001' })).json<TrackResponse>();
    expect(foreign.recording).toMatchObject({ isrc: 'FRZ039900001', isrcSource: 'foreign' });
    const cleared = ok(await put({ mode: 'none' })).json<TrackResponse>();
    expect(cleared.recording).toMatchObject({ isrc: null, isrcSource: null });
    const other = await addTrack(co.api, album.id, { title: '別首' }, { mode: 'next' });
    expect(other.recording.isrcDisplay).toBe(display(code, 3));
    failed(await put({ mode: 'own', isrc: compact(code, 3) }), 409, 'ISRC_TAKEN');
    failed(await put({ mode: 'own', isrc: compact(code, 1, 27) }), 400, 'ISRC_YEAR_IN_FUTURE');
    expect((await getAlbum(co.api, album.id)).tracks.map((t) => t.recording.isrc)).toEqual([null, compact(code, 3)]);
  });
});

describe('editing and deleting tracks', () => {
  it('saves partial track data and marks a track done when complete', async () => {
    const co = await memberSession(env);
    const album = await createAlbum(co.api);
    const track = await addTrack(co.api, album.id, { title: '半成品' }, { mode: 'next' });
    expect(track.done).toBe(false);
    const patched = ok(await co.api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, { credits: [{ role: 'performer', names: [' 歌手 ', ''] }] })).json<TrackResponse>();
    expect(patched).toMatchObject({ done: false, recording: { title: '半成品', credits: [{ role: 'performer', names: ['歌手'] }] } });
    const done = ok(await co.api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, { productionCompany: '製作' })).json<TrackResponse>();
    expect(done.done).toBe(true);
    expect(ok(await co.api.call('GET', `/albums/${album.id}/tracks/${track.id}`)).json<TrackResponse>().recording.productionCompany).toBe('製作');
  });

  it('renumbers positions 1..n after a delete and never frees a system-assigned code', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    const album = await createAlbum(co.api);
    const tracks: TrackResponse[] = [];
    for (const title of ['一', '二', '三', '四']) {
      tracks.push(await addTrack(co.api, album.id, { title }, { mode: 'next' }));
    }
    expect(tracks.map((t) => t.recording.isrcDisplay)).toEqual([1, 2, 3, 4].map((d) => display(code, d)));
    expect((await co.api.call('DELETE', `/albums/${album.id}/tracks/${tracks[3]!.id}`)).statusCode).toBe(204);
    expect((await co.api.call('DELETE', `/albums/${album.id}/tracks/${tracks[1]!.id}`)).statusCode).toBe(204);
    expect(positions(await getAlbum(co.api, album.id))).toEqual([
      [1, '一'],
      [2, '三'],
    ]);
    const fifth = await addTrack(co.api, album.id, { title: '五' }, { mode: 'next' });
    expect(fifth).toMatchObject({ position: 3, recording: { isrcDisplay: display(code, 5) } });
    failed(await co.api.call('DELETE', `/albums/${album.id}/tracks/${tracks[1]!.id}`), 404, 'NOT_FOUND');
    expect(positions(await getAlbum(co.api, album.id))).toEqual([
      [1, '一'],
      [2, '三'],
      [3, '五'],
    ]);
  });
});

describe('the remix / version rule', () => {
  it('refuses a version whose original ISRC is its own', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    const album = await createAlbum(co.api);
    const remix = await addTrack(co.api, album.id, { title: 'Remix', versionType: 'remix' }, { mode: 'next' });
    expect(remix.done).toBe(false);
    const patch = (fields: unknown) => co.api.call('PATCH', `/albums/${album.id}/tracks/${remix.id}`, fields);
    const same = failed(await patch({ versionOfIsrc: (remix.recording.isrcDisplay ?? '').toLowerCase() }), 400, 'VERSION_SAME_ISRC');
    expect(same.message).toBe('新版本（如 Remix）必須使用與原版本不同的 ISRC。');
    failed(await patch({ versionOfIsrc: 'not an isrc' }), 400, 'VALIDATION_FAILED');
    const original = await addTrack(co.api, album.id, { title: 'Original' }, { mode: 'next' });
    const linked = ok(await patch({ versionOfIsrc: original.recording.isrcDisplay })).json<TrackResponse>();
    expect(linked.recording).toMatchObject({ versionType: 'remix', versionOfIsrc: original.recording.isrc });
    // Taking the original's code for the version itself is refused too, and leaves nothing behind.
    const before = await counterValue(env, code);
    const sameOnAdd = addTrackReq(co.api, album.id, { title: 'Edit', versionType: 'edit', versionOfIsrc: compact(code, 900) }, { mode: 'own', isrc: compact(code, 900), confirmJump: true });
    failed(await sameOnAdd, 400, 'VERSION_SAME_ISRC');
    expect(await counterValue(env, code)).toBe(before);
    const live = await addTrack(co.api, album.id, { title: 'Live', versionType: 'live', versionOfIsrc: 'GB-AAA-01-00001', producedAbroad: true });
    expect(live.recording.versionOfIsrc).toBe('GBAAA0100001');
    failed(await co.api.call('PUT', `/albums/${album.id}/tracks/${live.id}/isrc`, { isrc: { mode: 'foreign', isrc: 'GBAAA0100001' } }), 400, 'VERSION_SAME_ISRC');
    expect((await getAlbum(co.api, album.id)).tracks.map((t) => [t.recording.title, t.recording.isrc])).toEqual([
      ['Remix', remix.recording.isrc],
      ['Original', original.recording.isrc],
      ['Live', null],
    ]);
  });
});
