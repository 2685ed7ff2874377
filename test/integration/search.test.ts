import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import type { SearchResponse } from '../../src/search/search.schemas.js';
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
} from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { uniqueName } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';

// 查詢: the agency-wide search box (staff only), each way a query is read, capped group counts.

const env = useTestApp();
let staff: Client;
let first: MemberSession;
let second: MemberSession;
/** A word no other test uses, so agency-wide results are predictable. */
const token = uniqueName('夜曲').replace('-', '');
let firstAlbum: AlbumResponse;
let secondAlbum: AlbumResponse;

beforeAll(async () => {
  staff = await staffSession(env);
  first = await memberSession(env);
  second = await memberSession(env);
  firstAlbum = await approvedAlbum(first, staff, `${token} 第一張`, [`${token} 主打歌`, '第二首']);
  secondAlbum = await createAlbum(second.api, completeAlbumFields(`另一張 ${token}`, `${token}樂團`));
  await addTrack(second.api, secondAlbum.id, completeRecording('別人的歌', { credits: [{ role: 'performer', names: ['Someone Else'] }] }), { mode: 'next' });
});

async function search(q: string, extra = ''): Promise<SearchResponse> {
  return ok(await staff.call('GET', `/search?q=${encodeURIComponent(q)}${extra}`)).json<SearchResponse>();
}

const ids = (group: { items: { id: string }[] } | undefined) => (group?.items ?? []).map((i) => i.id).sort();

describe('who may search', () => {
  it('answers members 403 FORBIDDEN: the search crosses every registrant', async () => {
    failed(await first.api.call('GET', `/search?q=${token}`), 403, 'FORBIDDEN');
  });

  it('refuses an empty or over-long query', async () => {
    failed(await staff.call('GET', '/search?q='), 400, 'VALIDATION_FAILED');
    failed(await staff.call('GET', `/search?q=${'x'.repeat(201)}`), 400, 'VALIDATION_FAILED');
  });
});

describe('reading the query', () => {
  it('finds a recording by its ISRC in any spelling, with the albums holding it and its registrant', async () => {
    const isrc = firstAlbum.tracks[0]?.recording.isrc ?? '';
    expect(isrc).toMatch(/^TW[A-Z0-9]{3}\d{7}$/);
    const display = `${isrc.slice(0, 2)}-${isrc.slice(2, 5)}-${isrc.slice(5, 7)}-${isrc.slice(7)}`;
    for (const q of [isrc, display.toLowerCase(), display.replaceAll('-', ' '), `ISRC: ${display}`]) {
      const r = await search(q);
      expect(r.reading, q).toBe('isrc');
      expect(r.isrc).toBe(isrc);
      expect(r.recordings?.items.map((x) => x.isrc)).toEqual([isrc]);
      expect(r.recordings?.items[0]?.albums.map((a) => a.id)).toEqual([firstAlbum.id]);
      expect(ids(r.albums)).toEqual([firstAlbum.id]);
      expect(ids(r.registrants)).toEqual([first.member.registrantId]);
    }
  });

  it('answers an ISRC nobody holds with empty groups', async () => {
    const r = await search('TW-ZZZ-99-99999');
    expect(r.reading).toBe('isrc');
    expect([r.recordings?.total, r.albums?.total, r.registrants?.total]).toEqual([0, 0, 0]);
  });

  it('finds an album by its number, and its registrant', async () => {
    const r = await search(String(secondAlbum.albumNumber));
    expect(r.reading).toBe('albumNumber');
    expect(ids(r.albums)).toEqual([secondAlbum.id]);
    expect(r.albums?.items[0]).toMatchObject({ albumNumber: secondAlbum.albumNumber, registrantId: second.member.registrantId, status: 'draft' });
    expect(ids(r.registrants)).toEqual([second.member.registrantId]);
  });

  it('finds a registrant by its code (lower case too), with its albums', async () => {
    const code = second.member.codes[0] ?? '';
    const r = await search(code.toLowerCase());
    expect(r.reading).toBe('registrantCode');
    expect(ids(r.registrants)).toEqual([second.member.registrantId]);
    expect(r.registrants?.items[0]?.codes).toEqual([code]);
    expect(ids(r.albums)).toEqual([secondAlbum.id]);
  });

  it('reads three letters or digits that are no allocated code as text', async () => {
    const album = await createAlbum(first.api, { title: `Live at Q9Z ${token}` });
    const r = await search('q9z');
    expect(r.reading).toBe('text');
    expect(ids(r.albums)).toEqual([album.id]);
    ok(await first.api.call('DELETE', `/albums/${album.id}`), 204);
  });

  it('finds titles, performers and registrant names of every registrant by substring', async () => {
    const r = await search(token);
    expect(r.reading).toBe('text');
    // The first registrant's album by title, the second's by title and performer.
    expect(ids(r.albums)).toEqual([firstAlbum.id, secondAlbum.id].sort());
    expect(r.recordings?.items.map((x) => x.title)).toEqual([`${token} 主打歌`]);
    const byPerformer = await search(`${token}樂團`);
    expect(ids(byPerformer.albums)).toEqual([secondAlbum.id]);
    const recordingByPerformer = await search('Someone Else');
    expect(recordingByPerformer.recordings?.items.map((x) => x.title)).toEqual(['別人的歌']);
    const byName = await search(await registrantName(first.member.registrantId));
    expect(ids(byName.registrants)).toEqual([first.member.registrantId]);
  });

  it('takes % and _ literally', async () => {
    const literal = uniqueName('50%_off');
    await createAlbum(first.api, { title: literal });
    await createAlbum(first.api, { title: literal.replace('%_', 'ab') });
    expect((await search(literal)).albums?.items.map((a) => a.title)).toEqual([literal]);
    expect((await search('%')).albums?.items.map((a) => a.title)).toEqual([literal]);
    expect((await search('_off')).albums?.items.map((a) => a.title)).toEqual([literal]);
  });
});

async function registrantName(id: string): Promise<string> {
  const rows = await queryRows(env.handle, sql`select name from registrants where id = ${id}`);
  return String(rows[0]?.name);
}

describe('capped counts', () => {
  const word = uniqueName('Capped');

  beforeAll(async () => {
    // 105 registrants whose names hold the word: more than a group counts.
    await queryRows(env.handle, sql`insert into registrants (kind, name) select 'company', ${word} || ' ' || lpad(g::text, 3, '0') from generate_series(1, 105) g`);
  });

  it('counts a group up to 100 and says there are more', async () => {
    const r = await search(word);
    expect(r.registrants).toMatchObject({ total: 100, totalCapped: true });
    expect(r.registrants?.items.map((x) => x.name)).toEqual(Array.from({ length: 10 }, (_, i) => `${word} ${String(i + 1).padStart(3, '0')}`));
  });

  it('pages through one group in name order up to the tenth page', async () => {
    const page3 = await search(word, '&kind=registrants&page=3');
    expect(page3.recordings).toBeUndefined();
    expect(page3.albums).toBeUndefined();
    expect(page3.registrants?.items.map((x) => x.name)[0]).toBe(`${word} 021`);
    const page10 = await search(word, '&kind=registrants&page=10');
    expect(page10.registrants?.items.map((x) => x.name).at(-1)).toBe(`${word} 100`);
    failed(await staff.call('GET', `/search?q=${word}&kind=registrants&page=11`), 400, 'VALIDATION_FAILED');
  });

  it('counts exactly below the cap', async () => {
    const r = await search(`${word} 10`);
    // 100 to 105 (not 010).
    expect(r.registrants).toMatchObject({ total: 6, totalCapped: false });
  });
});

describe('the staff album list', () => {
  it('counts a substring search up to 50, shows the newest matches first, and pages on past the cap', async () => {
    const word = uniqueName('Listed');
    await queryRows(
      env.handle,
      sql`insert into albums (registrant_id, release_type, title) select ${first.member.registrantId}::uuid, 'digital', ${word} || ' ' || g from generate_series(1, 101) g`,
    );
    const page = ok(await staff.call('GET', `/albums?q=${word}`)).json<{ items: { title: string }[]; total: number; totalCapped: boolean }>();
    expect(page).toMatchObject({ total: 50, totalCapped: true });
    // Album numbers follow insertion: the 101st is the newest.
    expect(page.items.map((a) => a.title).slice(0, 2)).toEqual([`${word} 101`, `${word} 100`]);
    // The count stops at 50; the pages do not.
    const past = ok(await staff.call('GET', `/albums?q=${word}&page=8`)).json<{ items: { title: string }[]; total: number; totalCapped: boolean }>();
    expect(past).toMatchObject({ total: 50, totalCapped: true });
    expect(past.items.map((a) => a.title)).toEqual(Array.from({ length: 10 }, (_, i) => `${word} ${31 - i}`));
    const last = ok(await staff.call('GET', `/albums?q=${word}&page=11`)).json<{ items: { title: string }[] }>();
    expect(last.items.map((a) => a.title)).toEqual([`${word} 1`]);
    const exact = ok(await staff.call('GET', `/albums?q=${encodeURIComponent(`${word} 10`)}`)).json<{ total: number; totalCapped: boolean }>();
    expect(exact).toMatchObject({ total: 3, totalCapped: false });
  });
});
