import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import type { AppInstance } from '../../src/http/types.js';
import type { PublicSearchResponse } from '../../src/public-search/public-search.schemas.js';
import { PUBLIC_SEARCH_BUCKET, prunePublicSearchHits } from '../../src/public-search/rate-limit.service.js';
import { fixedClock } from '../../src/shared/clock.js';
import { testApp } from '../helpers/app.js';
import { addTrack, approvedAlbum, completeAlbumFields, completeRecording, createAlbum, failed, memberSession, ok, type Client, type MemberSession } from '../helpers/catalog.js';
import { TEST_NOW } from '../helpers/context.js';
import { queryRows } from '../helpers/db.js';
import { uniqueName } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';
import { staffClient } from './deposit-fixtures.js';

// 公開 ISRC 查詢: no login, approved recordings only, public fields only, foreign ISRCs pointed to
// IFPI, and a per-address limit counted in the database (shared by every server process).

const env = useTestApp();
let admin: Client;
let officer: Client;
let label: MemberSession;
/** A word no other test uses, in every album's and recording's title. */
const token = uniqueName('星河').replace('-', '');
let approved: AlbumResponse;
/** ISRCs of recordings on a draft, a submitted and a returned album: never public. */
const hidden: Record<'draft' | 'submitted' | 'returned', string> = { draft: '', submitted: '', returned: '' };
const PRIVATE = { email: 'secret-contact@example.test', phone: '02-9999-8888', person: '聯絡人祕密', address: '祕密路 1 號' };

beforeAll(async () => {
  admin = await staffClient(env, 'agency_admin');
  officer = await staffClient(env, 'agency_officer');
  label = await memberSession(env);
  await env.handle.db.execute(
    sql`update registrants set email = ${PRIVATE.email}, phone = ${PRIVATE.phone}, contact_person = ${PRIVATE.person}, address = ${PRIVATE.address}, registration_number = '12345678' where id = ${label.member.registrantId}`,
  );
  approved = await approvedAlbum(label, officer, `${token} 專輯`, [`${token} 第一首`, `${token} 第二首`]);
  for (const status of ['draft', 'submitted', 'returned'] as const) {
    const album = await createAlbum(label.api, completeAlbumFields(`${token} ${status}`));
    const track = await addTrack(label.api, album.id, completeRecording(`${token} ${status} 曲`), { mode: 'next' });
    hidden[status] = track.recording.isrc ?? '';
    if (status !== 'draft') {
      ok(await label.api.call('POST', `/albums/${album.id}/submit`));
    }
    if (status === 'returned') {
      ok(await officer.call('POST', `/albums/${album.id}/return`, { reason: '請補資料' }));
    }
  }
});

let addressCount = 0;
/** A fresh client address per test, so the rate limit of one test never touches another. */
const freshAddress = () => `10.77.0.${++addressCount}`;

function publicGet(app: AppInstance, q: string, address: string, lang = 'zh-TW') {
  return app.inject({ method: 'GET', url: `/api/v1/public/isrc-search?q=${encodeURIComponent(q)}`, remoteAddress: address, headers: { 'accept-language': lang } });
}

async function search(q: string): Promise<PublicSearchResponse> {
  return ok(await publicGet(env.app, q, freshAddress())).json<PublicSearchResponse>();
}

const spellings = (isrc: string) => {
  const display = `${isrc.slice(0, 2)}-${isrc.slice(2, 5)}-${isrc.slice(5, 7)}-${isrc.slice(7)}`;
  const fullWidth = Array.from(display, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('');
  return [isrc, display.toLowerCase(), display.replaceAll('-', ' '), `ISRC: ${display}`, fullWidth];
};

describe('looking up an ISRC (no login)', () => {
  it('finds an approved recording in any spelling, with its public metadata', async () => {
    const isrc = approved.tracks[0]?.recording.isrc ?? '';
    expect(isrc).toMatch(/^TW[A-Z0-9]{3}26\d{5}$/);
    for (const q of spellings(isrc)) {
      const r = await search(q);
      expect(r, q).toMatchObject({ reading: 'isrc', isrc, total: 1, totalCapped: false });
      expect(r.foreign).toBeUndefined();
      expect(r.items).toEqual([
        {
          isrc,
          title: `${token} 第一首`,
          performers: '測試歌手',
          durationSeconds: null,
          yearOfReference: 2026,
          albums: [{ title: `${token} 專輯`, publisher: '測試唱片' }],
          registrantName: expect.stringContaining('company 測試') as unknown,
        },
      ]);
    }
  });

  it('never shows a recording whose albums are draft, submitted or returned', async () => {
    for (const [status, isrc] of Object.entries(hidden)) {
      expect(isrc, status).toMatch(/^TW/);
      expect((await search(isrc)).items, status).toEqual([]);
    }
  });

  it('answers an ISRC of another country: not ours, look it up at IFPI', async () => {
    const r = await search('us-abc-20-00001');
    expect(r).toMatchObject({ reading: 'isrc', isrc: 'USABC2000001', foreign: { countryCode: 'US', ifpiSearchUrl: 'https://isrcsearch.ifpi.org/' }, items: [] });
  });
});

describe('searching title and performer words', () => {
  it('finds approved recordings only, in ISRC order', async () => {
    const r = await search(token);
    expect(r.reading).toBe('text');
    expect(r.items.map((i) => i.title)).toEqual([`${token} 第一首`, `${token} 第二首`]);
    expect(r.total).toBe(2);
  });

  it('finds by performer, and says a one-character query is too short', async () => {
    expect((await search('測試歌手')).items.map((i) => i.isrc)).toEqual(expect.arrayContaining(approved.tracks.map((t) => t.recording.isrc)));
    expect(await search('星')).toMatchObject({ tooShort: true, items: [], total: 0 });
  });

  it('refuses an empty or over-long query or a page past the counted matches', async () => {
    failed(await publicGet(env.app, '', freshAddress()), 400, 'VALIDATION_FAILED');
    failed(await publicGet(env.app, 'x'.repeat(101), freshAddress()), 400, 'VALIDATION_FAILED');
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/public/isrc-search?q=${encodeURIComponent(token)}&page=11`, remoteAddress: freshAddress() });
    failed(res, 400, 'VALIDATION_FAILED');
  });
});

describe('private data', () => {
  it('keeps contacts, users, ids and review details out of the answer', async () => {
    const body = (await publicGet(env.app, token, freshAddress())).body;
    for (const secret of [
      ...Object.values(PRIVATE),
      '12345678',
      label.member.loginName,
      label.member.registrantId,
      approved.id,
      String(approved.albumNumber),
      ...approved.tracks.map((t) => t.recording.id),
    ]) {
      expect(body).not.toContain(secret);
    }
    for (const word of ['status', 'email', 'registrantId', 'createdBy', 'returnReason', 'credits']) {
      expect(body).not.toContain(`"${word}"`);
    }
  });

  it('shows the registrant code only when the agency turns it on, and hides the name when it turns that off', async () => {
    const isrc = approved.tracks[1]?.recording.isrc ?? '';
    expect((await search(isrc)).items[0]?.registrantCode).toBeUndefined();
    ok(await admin.call('PUT', '/settings/agency', { publicSearch: { showRegistrantName: false, showRegistrantCode: true, requestsPerMinute: 60 } }));
    const item = (await search(isrc)).items[0];
    expect(item?.registrantCode).toBe(label.member.codes[0]);
    expect(item?.registrantName).toBeUndefined();
    ok(await admin.call('PUT', '/settings/agency', { publicSearch: { showRegistrantName: true, showRegistrantCode: false, requestsPerMinute: 60 } }));
  });
});

describe('rate limit per client address', () => {
  let second: AppInstance;
  let nextMinute: AppInstance;
  beforeAll(async () => {
    // Two server processes on one database (each with its own memory), and one whose clock is a minute on.
    second = await testApp(env.ctx);
    nextMinute = await testApp({ ...env.ctx, clock: fixedClock(new Date(TEST_NOW.getTime() + 60_000)) });
    ok(await admin.call('PUT', '/settings/agency', { publicSearch: { showRegistrantName: true, showRegistrantCode: false, requestsPerMinute: 3 } }));
  });
  afterAll(async () => {
    await second.close();
    await nextMinute.close();
    ok(await admin.call('PUT', '/settings/agency', { publicSearch: { showRegistrantName: true, showRegistrantCode: false, requestsPerMinute: 60 } }));
  });

  it('shares the count between processes and answers 429 with Retry-After, in both languages', async () => {
    const address = freshAddress();
    ok(await publicGet(env.app, token, address));
    ok(await publicGet(second, token, address));
    ok(await publicGet(env.app, token, address));
    const blocked = await publicGet(second, token, address, 'en');
    const error = failed(blocked, 429, 'RATE_LIMITED');
    // TEST_NOW is on a minute boundary: the whole window is still ahead.
    expect(blocked.headers['retry-after']).toBe('60');
    expect(error.message).toBe('Too many searches; please try again in 60 seconds.');
    expect(failed(await publicGet(env.app, token, address), 429, 'RATE_LIMITED').message).toBe('查詢次數過多，請於 60 秒後再試。');
    // Another address is not affected; the next minute starts afresh.
    ok(await publicGet(second, token, freshAddress()));
    ok(await publicGet(nextMinute, token, address));
  });

  it('counts malformed requests too', async () => {
    const address = freshAddress();
    for (let i = 0; i < 3; i++) {
      failed(await publicGet(env.app, '', address), 400, 'VALIDATION_FAILED');
    }
    failed(await publicGet(env.app, token, address), 429, 'RATE_LIMITED');
  });

  it('prunes old windows of the public search only', async () => {
    const old = new Date(TEST_NOW.getTime() - 60 * 60_000);
    await env.handle.db.execute(sql`insert into rate_limit_hits (bucket, window_start, hits) values (${`${PUBLIC_SEARCH_BUCKET}10.1.1.1`}, ${old}, 5), ('other:x', ${old}, 5)`);
    await prunePublicSearchHits(env.ctx);
    const rows = await queryRows(env.handle, sql`select bucket from rate_limit_hits where window_start < ${new Date(TEST_NOW.getTime() - 5 * 60_000)} order by bucket`);
    expect(rows.map((r) => r.bucket)).toEqual(['other:x']);
    const current = await queryRows(env.handle, sql`select count(*)::int as n from rate_limit_hits where bucket like ${`${PUBLIC_SEARCH_BUCKET}%`} and window_start = ${TEST_NOW}`);
    expect(Number(current[0]?.n)).toBeGreaterThan(0);
  });
});
