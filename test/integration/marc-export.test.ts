import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import { addTrack, completeAlbumFields, completeRecording, createAlbum, failed, memberSession, ok, staffSession, type Client, type MemberSession, type Reply } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { useTestApp } from '../helpers/setup.js';
import { iso2709Problems, readWithYaz, subfieldValues, type YazReading } from '../helpers/yaz-marc.js';
import { MARC_RANGE_MAX_ALBUMS } from '../../src/integration/marc/marc.schemas.js';

// 匯出 MARC: approved albums as MARC 21 records for the national library, read back by an
// independent MARC reader (yaz-marcdump) in both formats. The test clock stands at 2026-06-15 16:00 in Taipei.

const env = useTestApp();
let officer: Client;
let label: MemberSession;
let other: MemberSession;

const CHINESE_TITLE = '臺灣之聲：「夏夜晚風」＆ <Live> 🎵';

/** A complete album with the given tracks, submitted and (unless `approve` is false) approved. */
async function reportedAlbum(
  session: MemberSession,
  title: string,
  tracks: readonly string[],
  options: { releaseType?: 'digital' | 'physical'; approve?: boolean } = {},
): Promise<AlbumResponse> {
  const album = await createAlbum(session.api, { ...completeAlbumFields(title), mediaForm: 'cd' }, options.releaseType ?? 'digital');
  for (const [i, t] of tracks.entries()) {
    await addTrack(
      session.api,
      album.id,
      completeRecording(t, {
        duration: `3:${String(20 + i)}`,
        credits: [
          { role: 'performer', names: ['測試歌手'] },
          { role: 'composer', names: ['作曲家'] },
        ],
      }),
      { mode: 'next' },
    );
  }
  ok(await session.api.call('POST', `/albums/${album.id}/submit`));
  if (options.approve === false) {
    return album;
  }
  return ok(await officer.call('POST', `/albums/${album.id}/approve`)).json<AlbumResponse>();
}

async function setApprovedAt(albumId: string, at: string): Promise<void> {
  await queryRows(env.handle, sql`update albums set reviewed_at = ${at}::timestamptz where id = ${albumId}`);
}

function body(res: Reply, format: 'xml' | 'mrc'): Uint8Array | string {
  return format === 'xml' ? res.body : res.rawPayload;
}

function expectReadable(reading: YazReading, albums: readonly AlbumResponse[]): void {
  expect(reading.stderr).toBe('');
  expect(reading.diagnostics).toEqual([]);
  expect(reading.records.map((r) => r.fields.find((f) => f.tag === '001')?.value)).toEqual(albums.map((a) => String(a.albumNumber)));
  albums.forEach((album, i) => {
    const record = reading.records[i]!;
    expect(record.leader.slice(5, 10)).toBe('njm a');
    expect(subfieldValues(record, '024', 'a')).toEqual(album.tracks.map((t) => t.recording.isrc));
    expect(record.fields.filter((f) => f.tag === '024').every((f) => f.value === '0 ')).toBe(true);
    const [title] = subfieldValues(record, '245', 'a');
    expect(Buffer.from(title!.replace(/ \/$/, ''))).toEqual(Buffer.from(album.title));
    expect(subfieldValues(record, '505', 'a')[0]?.split(' -- ')).toHaveLength(album.tracks.length);
  });
}

beforeAll(async () => {
  officer = await staffSession(env);
  label = await memberSession(env, 'company');
  other = await memberSession(env, 'company');
});

describe('GET /albums/:id/marc', () => {
  let album: AlbumResponse;
  beforeAll(async () => {
    album = await reportedAlbum(label, CHINESE_TITLE, ['第一首：晚風', 'Second song', '第三首']);
  });

  it('exports an approved album as MARCXML that yaz reads cleanly, with every ISRC, the title byte for byte and the track count', async () => {
    const res = ok(await label.api.call('GET', `/albums/${album.id}/marc?format=xml`));
    expect(res.headers['content-type']).toBe('application/marcxml+xml; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="album-${album.albumNumber}.xml"`);
    expect(album.tracks.map((t) => t.recording.isrc)).toEqual([expect.stringMatching(/^TW/), expect.stringMatching(/^TW/), expect.stringMatching(/^TW/)]);
    const reading = await readWithYaz(body(res, 'xml'), 'xml');
    expectReadable(reading, [album]);
    const record = reading.records[0]!;
    expect(subfieldValues(record, '300', 'a')).toEqual(['1 online resource (3 tracks)']);
    expect(subfieldValues(record, '306', 'a')).toEqual(['001003']);
    expect(subfieldValues(record, '264', 'b')).toEqual(['測試唱片,']);
    expect(subfieldValues(record, '700', 'e')).toEqual(['performer.', 'composer.']);
    expect(record.fields.find((f) => f.tag === '008')?.value.slice(0, 18)).toBe('260615s2026    ch ');
  });

  it('exports the same record as ISO 2709 with byte lengths yaz reads cleanly (also converting it to MARCXML)', async () => {
    const res = ok(await label.api.call('GET', `/albums/${album.id}/marc?format=mrc`));
    expect(res.headers['content-type']).toBe('application/marc');
    expect(iso2709Problems(res.rawPayload)).toEqual([]);
    expect(res.rawPayload.indexOf(Buffer.from(CHINESE_TITLE))).toBeGreaterThan(0);
    const reading = await readWithYaz(body(res, 'mrc'), 'mrc');
    expectReadable(reading, [album]);
    expect(reading.marcxml).toContain(`<controlfield tag="001">${album.albumNumber}</controlfield>`);
  });

  it('is open to staff for any registrant’s album, and MARCXML by default', async () => {
    const res = ok(await officer.call('GET', `/albums/${album.id}/marc`));
    expect(res.headers['content-type']).toContain('application/marcxml+xml');
  });

  it('refuses albums that are not approved with a clear code and message', async () => {
    const draft = await createAlbum(label.api, completeAlbumFields('草稿'));
    const submitted = await reportedAlbum(label, '審核中', ['一首'], { approve: false });
    const returned = await reportedAlbum(label, '退回', ['一首'], { approve: false });
    ok(await officer.call('POST', `/albums/${returned.id}/return`, { reason: '資料不全' }));
    for (const [a, status] of [
      [draft, 'draft'],
      [submitted, 'submitted'],
      [returned, 'returned'],
    ] as const) {
      const error = failed(await label.api.call('GET', `/albums/${a.id}/marc?format=mrc`), 409, 'ALBUM_NOT_APPROVED');
      expect(error.details).toMatchObject({ status });
      expect(error.message).toContain('已通過審核');
    }
    expect(failed(await label.api.call('GET', `/albums/${draft.id}/marc`, undefined, 'en'), 409, 'ALBUM_NOT_APPROVED').message).toBe('Only approved albums can be exported as MARC 21.');
  });

  it('answers 404 for another registrant’s album, approved or not, and 400 for an unknown format', async () => {
    failed(await other.api.call('GET', `/albums/${album.id}/marc?format=xml`), 404, 'NOT_FOUND');
    failed(await other.api.call('GET', `/albums/${album.id}/marc?format=mrc`), 404, 'NOT_FOUND');
    failed(await label.api.call('GET', `/albums/${album.id}/marc?format=json`), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /marc (a range of approval days)', () => {
  // Taipei is UTC+8: 2025-03-31T15:59:59Z is still 31 March there, 16:00:00Z is 1 April.
  let inRange: AlbumResponse[];
  beforeAll(async () => {
    const before = await reportedAlbum(label, '三月底', ['一']);
    const first = await reportedAlbum(label, '四月一日零時', ['一', '二']);
    const last = await reportedAlbum(other, '四月底', ['一']);
    const after = await reportedAlbum(other, '五月一日', ['一']);
    const returned = await reportedAlbum(label, '四月退回', ['一'], { approve: false });
    ok(await officer.call('POST', `/albums/${returned.id}/return`, { reason: '資料不全' }));
    await setApprovedAt(before.id, '2025-03-31T15:59:59Z');
    await setApprovedAt(first.id, '2025-03-31T16:00:00Z');
    await setApprovedAt(last.id, '2025-04-30T15:59:59Z');
    await setApprovedAt(after.id, '2025-04-30T16:00:00Z');
    await setApprovedAt(returned.id, '2025-04-10T04:00:00Z');
    inRange = [first, last];
  });

  it('returns only albums approved on those days in the agency’s time zone, in order of approval, in both formats', async () => {
    for (const format of ['xml', 'mrc'] as const) {
      const res = ok(await officer.call('GET', `/marc?from=2025-04-01&to=2025-04-30&format=${format}`));
      expect(res.headers['content-disposition']).toBe(`attachment; filename="marc-2025-04-01_2025-04-30.${format}"`);
      expectReadable(await readWithYaz(body(res, format), format), inRange);
    }
  });

  it('gives an empty collection for a range without approvals', async () => {
    const res = ok(await officer.call('GET', '/marc?from=2020-01-01&to=2020-01-31'));
    expect(res.body).toContain('<collection xmlns="http://www.loc.gov/MARC21/slim">');
    expect((await readWithYaz(res.body, 'xml')).records).toEqual([]);
  });

  it('is the agency’s: a member gets 403; a reversed range is invalid', async () => {
    failed(await label.api.call('GET', '/marc?from=2025-04-01&to=2025-04-30'), 403, 'FORBIDDEN');
    failed(await officer.call('GET', '/marc?from=2025-04-30&to=2025-04-01'), 400, 'VALIDATION_FAILED');
    failed(await officer.call('GET', '/marc?from=2025-04-01'), 400, 'VALIDATION_FAILED');
  });

  it('refuses a range holding more albums than one file allows rather than cutting it short', async () => {
    await queryRows(
      env.handle,
      sql`insert into albums (registrant_id, release_type, title, status, reviewed_at)
          select ${label.member.registrantId}::uuid, 'digital', 'bulk ' || n, 'approved', '2024-02-10T04:00:00Z'::timestamptz
          from generate_series(1, ${MARC_RANGE_MAX_ALBUMS + 1}) as n`,
    );
    const error = failed(await officer.call('GET', '/marc?from=2024-02-01&to=2024-02-29'), 422, 'MARC_RANGE_TOO_LARGE');
    expect(error.details).toMatchObject({ max: MARC_RANGE_MAX_ALBUMS });
    const narrower = ok(await officer.call('GET', '/marc?from=2024-02-11&to=2024-02-29'));
    expect((await readWithYaz(narrower.body, 'xml')).records).toEqual([]);
  });
});
