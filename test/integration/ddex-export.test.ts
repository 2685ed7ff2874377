import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import { CREDIT_ROLES } from '../../src/catalog/vocabularies.js';
import { DDEX_CREDIT_ROLES } from '../../src/integration/ddex/ddex-roles.js';
import {
  addTrack,
  approvedAlbum,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  failed,
  memberSession,
  ok,
  staffSession,
  type Client,
  type MemberSession,
  type Reply,
} from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { xmlFile, type XmlFile } from '../helpers/xmllint.js';

// 匯出 DDEX: approved albums as ERN 4.3 NewReleaseMessages, each validated against the official XSD
// (vendored) by xmllint and read back with XPath by the same independent reader.

const SCHEMA = path.join(import.meta.dirname, '../../vendor/ddex/ern43/release-notification.xsd');
const env = useTestApp();
let staff: Client;
let a: MemberSession;
let b: MemberSession;
let source: AlbumResponse;
let main: AlbumResponse;
const files: XmlFile[] = [];

/** One distinct name per credit role, so each role can be found again by its party. */
const EVERY_ROLE = CREDIT_ROLES.map((r) => ({ role: r.code, names: [`${r.zh}甲`] }));

const zip = <K, V>(keys: readonly K[], values: readonly V[]): [K, V][] => {
  expect(keys).toHaveLength(values.length);
  return keys.map((k, i) => [k, values[i]!]);
};

async function approve(session: MemberSession, album: AlbumResponse): Promise<AlbumResponse> {
  ok(await session.api.call('POST', `/albums/${album.id}/submit`));
  return ok(await staff.call('POST', `/albums/${album.id}/approve`)).json<AlbumResponse>();
}

/** The export, after checking it is an XML attachment; validated, and kept for reading back. */
function exported(res: Reply): XmlFile {
  ok(res);
  expect(res.headers['content-type']).toMatch(/^application\/xml/);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ddex-ern43-\d+\.xml"$/);
  const doc = xmlFile(res.body);
  files.push(doc);
  const result = doc.validate(SCHEMA);
  expect(result.output).toBe(`${doc.file} validates`);
  expect(result.valid).toBe(true);
  return doc;
}

beforeAll(async () => {
  staff = await staffSession(env);
  a = await memberSession(env);
  b = await memberSession(env);
  // A recording approved on an earlier album, to be cited with its original ISRC.
  const earlier = await createAlbum(a.api, completeAlbumFields('Earlier Days', 'Ella Lin'));
  await addTrack(a.api, earlier.id, completeRecording('Blue Moon', { credits: [{ role: 'performer', names: ['Ella Lin'] }], duration: '4:05' }), { mode: 'next' });
  source = await approve(a, earlier);

  const album = await createAlbum(a.api, {
    ...completeAlbumFields('夜來香'),
    credits: [
      { role: 'performer', names: ['鄧麗君'] },
      { role: 'lyricist', names: ['黎錦光'] },
      { role: 'composer', names: ['黎錦光'] },
      { role: 'arranger', names: ['專輯編曲'] },
    ],
    albumType: 'compilation',
    publicationCategory: 'popular',
  });
  await addTrack(a.api, album.id, completeRecording('月亮代表我的心', { credits: EVERY_ROLE, duration: '3:25', recordingDate: '2025.03' }), { mode: 'next' });
  await addTrack(
    a.api,
    album.id,
    completeRecording('Tonight & Forever <Live>', {
      credits: [
        { role: 'performer', names: ['Teresa Teng'] },
        { role: 'featured-artist', names: ['Guest "Star"'] },
      ],
      duration: '1:02:05',
    }),
    { mode: 'next' },
  );
  ok(await a.api.call('POST', `/albums/${album.id}/tracks/cite`, { recordingId: source.tracks[0]!.recording.id }), 201);
  main = await approve(a, album);
});

afterAll(() => {
  for (const f of files) {
    f.remove();
  }
});

describe('GET /albums/:id/ddex.xml', () => {
  it('exports an approved album that validates against the ERN 4.3 schema, with its ISRCs, titles and durations', async () => {
    const doc = exported(await a.api.call('GET', `/albums/${main.id}/ddex.xml`));
    const isrcs = main.tracks.map((t) => t.recording.isrc);
    expect(isrcs.every((i) => i !== null && /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(i))).toBe(true);
    expect(doc.texts('//SoundRecording/SoundRecordingEdition/ResourceId/ISRC')).toEqual(isrcs);
    // The cited recording keeps its original ISRC.
    expect(doc.text('//SoundRecording[3]/SoundRecordingEdition/ResourceId/ISRC')).toBe(source.tracks[0]!.recording.isrc);
    expect(doc.texts('//SoundRecording/DisplayTitleText')).toEqual(['月亮代表我的心', 'Tonight & Forever <Live>', 'Blue Moon']);
    expect(doc.texts('//SoundRecording/DisplayTitle/TitleText')).toEqual(['月亮代表我的心', 'Tonight & Forever <Live>', 'Blue Moon']);
    expect(doc.texts('//SoundRecording/DisplayTitleText/@LanguageAndScriptCode')).toEqual(['zh-Hant', 'en', 'en']);
    expect(doc.texts('//SoundRecording/Duration')).toEqual(['PT3M25S', 'PT1H2M5S', 'PT4M5S']);
    expect(doc.text('//SoundRecording[1]/CreationDate')).toBe('2025-03');
    expect(doc.texts('//ResourceGroupContentItem/ReleaseResourceReference')).toEqual(doc.texts('//SoundRecording/ResourceReference'));
  });

  it('describes the release: title, type, label, date, artists and the agency as sender', async () => {
    const doc = exported(await staff.call('GET', `/albums/${main.id}/ddex.xml`));
    expect(doc.text('/*/@LanguageAndScriptCode')).toBe('zh-Hant');
    expect(doc.text('//MessageSender/PartyName/FullName')).toBe(env.ctx.agency.name);
    expect(doc.text('//MessageSender/PartyId')).toMatch(/^PADPIDA/);
    expect(doc.text('//Release/DisplayTitleText')).toBe('夜來香');
    expect(doc.text('//Release/DisplayTitleText/@LanguageAndScriptCode')).toBe('zh-Hant');
    expect(doc.text('//Release/ReleaseType')).toBe('Album');
    expect(doc.text('//Release/IsMultiArtistCompilation')).toBe('true');
    expect(doc.text('//Release/ReleaseId/ProprietaryId')).toBe(String(main.albumNumber));
    expect(doc.text('//Release/ReleaseDate')).toBe('2026-05-01');
    expect(doc.text('//Release/Duration')).toBe('PT1H9M35S');
    expect(doc.text('//Party[PartyReference=//Release/ReleaseLabelReference]/PartyName/FullName')).toBe('測試唱片');
    expect(doc.text('//Release/DisplayArtistName')).toBe('鄧麗君');
    expect(doc.text('//SoundRecording[2]/DisplayArtistName')).toBe('Teresa Teng feat. Guest "Star"');
    expect(doc.texts('//SoundRecording[2]/DisplayArtist/DisplayArtistRole')).toEqual(['MainArtist', 'FeaturedArtist']);
    expect(doc.text('//SoundRecording[3]/DisplayArtistName')).toBe('Ella Lin');
  });

  it('names every credit role as its DDEX role, each party once', async () => {
    const doc = exported(await a.api.call('GET', `/albums/${main.id}/ddex.xml`));
    const parties = new Map(zip(doc.texts('//Party/PartyReference'), doc.texts('//Party/PartyName/FullName')));
    const party = (ref: string) => parties.get(ref);
    const first = '//SoundRecording[1]';
    const byName = new Map([
      ...zip(doc.texts(`${first}/Contributor/ContributorPartyReference`).map(party), doc.texts(`${first}/Contributor/Role`)),
      ...zip(doc.texts(`${first}/DisplayArtist/ArtistPartyReference`).map(party), doc.texts(`${first}/DisplayArtist/DisplayArtistRole`)),
    ]);
    for (const role of CREDIT_ROLES) {
      expect(byName.get(`${role.zh}甲`), role.code).toBe(DDEX_CREDIT_ROLES[role.code].role);
    }
    expect(byName.get('表演者甲')).toBe('MainArtist');
    expect(byName.get('製作人甲')).toBe('StudioProducer');
    // Album credits hold for the album's own track that names nobody in that role, never for the cited one.
    const second = doc.texts('//SoundRecording[2]/Contributor/ContributorPartyReference').map(party);
    expect(second).toEqual(['黎錦光', '黎錦光', '專輯編曲']);
    expect(doc.texts('//SoundRecording[2]/Contributor/Role')).toEqual(['Lyricist', 'Composer', 'Arranger']);
    expect(doc.texts('//SoundRecording[3]/Contributor')).toEqual([]);
    const names = [...parties.values()];
    expect(new Set(names).size).toBe(names.length);
  });

  it('exports a music video album as Video resources of a VideoSingle', async () => {
    const album = await createAlbum(a.api, { ...completeAlbumFields('MV Album'), workCategory: 'music-video', albumType: 'single' });
    await addTrack(
      a.api,
      album.id,
      completeRecording('Moonlight (MV)', {
        credits: [
          { role: 'performer', names: ['Ella Lin'] },
          { role: 'director', names: ['導演乙'] },
        ],
        duration: '3:00',
      }),
      { mode: 'next' },
    );
    const approved = await approve(a, album);
    const doc = exported(await a.api.call('GET', `/albums/${album.id}/ddex.xml`));
    expect(doc.text('/*/@ReleaseProfileVersionId')).toBe('Video');
    expect(doc.text('//Release/ReleaseType')).toBe('VideoSingle');
    expect(doc.texts('//SoundRecording')).toEqual([]);
    expect(doc.text('//Video/Type')).toBe('ShortFormMusicalWorkVideo');
    expect(doc.text('//Video/VideoEdition/ResourceId/ISRC')).toBe(approved.tracks[0]!.recording.isrc);
    expect(doc.text('//Video/Duration')).toBe('PT3M0S');
    expect(doc.text('//Video/Contributor/Role')).toBe('VideoDirector');
    expect(doc.text('//Release/DisplayTitleText/@LanguageAndScriptCode')).toBe('en');
  });

  it('refuses albums that are not approved, in Chinese and English', async () => {
    const draft = await createAlbum(a.api, completeAlbumFields('草稿專輯'));
    const zh = failed(await a.api.call('GET', `/albums/${draft.id}/ddex.xml`), 409, 'ALBUM_NOT_APPROVED');
    expect(zh.message).toBe('只有已通過審核的專輯可以匯出 DDEX。');
    expect(zh.details).toMatchObject({ status: 'draft' });
    await addTrack(a.api, draft.id, completeRecording('Pending Song'), { mode: 'next' });
    ok(await a.api.call('POST', `/albums/${draft.id}/submit`));
    const en = failed(await staff.call('GET', `/albums/${draft.id}/ddex.xml`, undefined, 'en'), 409, 'ALBUM_NOT_APPROVED');
    expect(en.message).toBe('Only approved albums can be exported as DDEX.');
    expect(en.details).toMatchObject({ status: 'submitted' });
  });

  it('refuses an approved album whose tracks have no duration, naming them', async () => {
    const album = await approvedAlbum(a, staff, 'No Durations', ['Song One', 'Song Two']);
    const error = failed(await a.api.call('GET', `/albums/${album.id}/ddex.xml`), 422, 'DDEX_TRACKS_INCOMPLETE');
    expect(error.details).toMatchObject({ positions: '1, 2' });
    expect(error.message).toBe('第 1, 2 首曲目缺少 ISRC 或長度，無法匯出 DDEX。');
  });

  it("answers another registrant's member with 404 and an anonymous caller with 401", async () => {
    failed(await b.api.call('GET', `/albums/${main.id}/ddex.xml`), 404, 'NOT_FOUND');
    failed(await b.api.call('GET', '/albums/00000000-0000-4000-8000-000000000000/ddex.xml'), 404, 'NOT_FOUND');
    const anonymous = await env.app.inject({ method: 'GET', url: `/api/v1/albums/${main.id}/ddex.xml` });
    expect(anonymous.statusCode).toBe(401);
  });
});
