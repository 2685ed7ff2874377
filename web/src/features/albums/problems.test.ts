import { describe, expect, it } from 'vitest';
import type { AlbumResponse, AlbumTrackResponse, RecordingResponse } from '../../../../src/catalog/catalog.schemas.js';
import { clientProblems, serverProblems } from './problems';
import { savedAlbum, savedRecording } from '../../test-support/catalog-fixtures';

const TRACK_1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const TRACK_2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const TRACK_3 = 'aaaaaaaa-0000-4000-8000-000000000003';

function track(id: string, position: number, overrides: Partial<RecordingResponse> = {}, cited = false): AlbumTrackResponse {
  return { id, position, cited, done: false, recording: savedRecording(overrides), audio: null, audioReplaceable: true };
}

function album(overrides: Partial<AlbumResponse> = {}): AlbumResponse {
  return savedAlbum({ releaseType: 'digital', tracks: [track(TRACK_1, 1)], ...overrides });
}

const emptyAlbum = (overrides: Partial<AlbumResponse> = {}) =>
  album({
    title: '',
    credits: [{ role: 'performer', names: ['  '] }],
    publisher: ' ',
    releaseDate: null,
    productionCompany: '',
    albumType: null,
    tracks: [],
    ...overrides,
  });

describe(clientProblems.name, () => {
  it('finds nothing on a complete album', () => {
    expect(clientProblems(album(), 'zh-TW')).toEqual([]);
  });

  it("lists the album's missing fields in form order, with the submission check's messages", () => {
    const problems = clientProblems(emptyAlbum(), 'zh-TW');
    expect(problems.map((p) => [p.scope, p.field, p.message])).toEqual([
      ['album', 'title', '請輸入專輯名稱。'],
      ['album', 'credits', '請在作品職責中至少填寫一位姓名（例如表演者）。'],
      ['album', 'publisher', '請輸入發行公司。'],
      ['album', 'releaseDate', '請輸入發行日期。'],
      ['album', 'productionCompany', '請輸入製作公司。'],
      ['album', 'albumType', '請選擇專輯類型。'],
      ['album', 'tracks', '專輯至少需要一首曲目，請點選「曲目新增」。'],
    ]);
    for (const problem of problems) {
      expect(problem).not.toHaveProperty('trackId');
      expect(problem).not.toHaveProperty('position');
    }
  });

  it('speaks English when asked', () => {
    const problems = clientProblems(emptyAlbum(), 'en');
    expect(problems[0]?.message).toBe('Please enter the album title.');
    expect(problems.at(-1)?.message).toBe('An album needs at least one track; use "Add track".');
  });

  it("groups track problems by track in track order, after the album's, without the 「第 N 首」 prefix", () => {
    const tracks = [track(TRACK_3, 3, { productionCompany: '' }), track(TRACK_1, 1, { title: ' ', credits: [] }), track(TRACK_2, 2)];
    const problems = clientProblems(album({ title: '', tracks }), 'zh-TW');
    expect(problems).toEqual([
      { key: 'album:title:0', scope: 'album', field: 'title', message: '請輸入專輯名稱。' },
      { key: `${TRACK_1}:title:1`, scope: 'track', trackId: TRACK_1, position: 1, field: 'title', message: '請輸入曲目名稱。' },
      {
        key: `${TRACK_1}:credits:2`,
        scope: 'track',
        trackId: TRACK_1,
        position: 1,
        field: 'credits',
        message: '請在作品職責中至少填寫一位姓名（例如表演者）。',
      },
      {
        key: `${TRACK_3}:productionCompany:3`,
        scope: 'track',
        trackId: TRACK_3,
        position: 3,
        field: 'productionCompany',
        message: '請輸入製作公司。',
      },
    ]);
  });

  it('asks companies for an ISRC, but not individuals (theirs is assigned on submission)', () => {
    const tracks = [track(TRACK_1, 1, { isrc: null, isrcDisplay: null, isrcSource: null })];
    expect(clientProblems(album({ tracks, isrcAssignedOnSubmission: false }), 'zh-TW')).toEqual([
      {
        key: `${TRACK_1}:isrc:0`,
        scope: 'track',
        trackId: TRACK_1,
        position: 1,
        field: 'isrc',
        message: '請輸入 ISRC 編號，或點選「下一個可用編號」。',
      },
    ]);
    expect(clientProblems(album({ tracks, isrcAssignedOnSubmission: true }), 'zh-TW')).toEqual([]);
  });

  it('skips cited recordings, however incomplete', () => {
    const tracks = [track(TRACK_1, 1, { title: '', credits: [], productionCompany: '', isrc: null }, true)];
    expect(clientProblems(album({ tracks }), 'zh-TW')).toEqual([]);
  });

  it("checks the original version's ISRC of a new version", () => {
    const problemOf = (versionOfIsrc: string | null) =>
      clientProblems(album({ tracks: [track(TRACK_1, 1, { versionType: 'remix', versionOfIsrc })] }), 'zh-TW').map((p) => [p.field, p.message]);
    expect(problemOf(null)).toEqual([['versionOfIsrc', '請輸入原版本 ISRC。']]);
    expect(problemOf('TW-A01')).toEqual([['versionOfIsrc', '原版本 ISRC的格式不正確。']]);
    expect(problemOf('tw-a01-26-00001')).toEqual([['versionOfIsrc', '新版本（如 Remix）必須使用與原版本不同的 ISRC。']]);
    expect(problemOf('TW-A01-25-00009')).toEqual([]);
  });

  it('gives every problem its own key', () => {
    const tracks = [track(TRACK_1, 1, { title: '', productionCompany: '' }), track(TRACK_2, 2, { title: '', productionCompany: '' })];
    const keys = clientProblems(emptyAlbum({ tracks }), 'zh-TW').map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe(serverProblems.name, () => {
  const answered = [
    { scope: 'album', field: 'title', code: 'required', message: '請輸入專輯名稱。' },
    { scope: 'track', trackId: TRACK_1, position: 1, field: 'title', code: 'required', message: '第 1 首：請輸入曲目名稱。' },
    {
      scope: 'track',
      trackId: TRACK_2,
      position: 2,
      field: 'isrc',
      code: 'isrc-required',
      message: '第 2 首：請輸入 ISRC 編號，或點選「下一個可用編號」。',
    },
  ];

  it("shows the server's problems in its order, worded for the group (no 「第 N 首」 prefix)", () => {
    expect(serverProblems({ count: 3, problems: answered }, 'zh-TW')).toEqual([
      { key: 'album:title:0', scope: 'album', field: 'title', message: '請輸入專輯名稱。' },
      { key: `${TRACK_1}:title:1`, scope: 'track', trackId: TRACK_1, position: 1, field: 'title', message: '請輸入曲目名稱。' },
      {
        key: `${TRACK_2}:isrc:2`,
        scope: 'track',
        trackId: TRACK_2,
        position: 2,
        field: 'isrc',
        message: '請輸入 ISRC 編號，或點選「下一個可用編號」。',
      },
    ]);
  });

  it("words known codes in the page's language, whatever language the server answered in", () => {
    expect(serverProblems({ problems: answered }, 'en').map((p) => p.message)).toEqual([
      'Please enter the album title.',
      'Please enter the track title.',
      'Please enter an ISRC or take the next available one.',
    ]);
  });

  it("shows the server's own message for a code it does not know", () => {
    const problems = serverProblems(
      { problems: [{ scope: 'album', field: 'coverImage', code: 'cover-too-small', message: '封面圖片太小。' }] },
      'en',
    );
    expect(problems).toEqual([{ key: 'album:coverImage:0', scope: 'album', field: 'coverImage', message: '封面圖片太小。' }]);
  });

  it.each([
    ['no problems at all', {}],
    ['problems that are not a list', { problems: 'title' }],
    ['a null list entry', { problems: [null] }],
    ['problems with null details', { problems: null }],
  ])('gives nothing for %s', (_label, details) => {
    expect(serverProblems(details, 'zh-TW')).toEqual([]);
  });

  it('skips entries not shaped like a problem and keys the rest in order', () => {
    const problems = serverProblems(
      {
        problems: [
          'title',
          { scope: 'label', field: 'title', code: 'required', message: 'x' },
          { scope: 'album', field: 'publisher', code: 'required' },
          { scope: 'album', field: 7, code: 'required', message: 'x' },
          { scope: 'album', field: 'publisher', code: 'required', message: '請輸入發行公司。' },
          42,
          { scope: 'track', trackId: TRACK_3, position: 3, field: 'credits', code: 'credits', message: '…' },
        ],
      },
      'zh-TW',
    );
    expect(problems.map((p) => p.key)).toEqual(['album:publisher:0', `${TRACK_3}:credits:1`]);
    expect(problems[1]).toMatchObject({ trackId: TRACK_3, position: 3, message: '請在作品職責中至少填寫一位姓名（例如表演者）。' });
  });
});
