/**
 * Fills the catalog tables with synthetic data straight in SQL (generate_series), fast enough for
 * 100,000 albums and 1,000,000 recordings: registrant r has albums r, r+R, r+2R, …; every album
 * has 10 recordings with unique ISRCs; statuses and titles vary so searches have real work.
 */
import type pg from 'pg';

export const TRACKS_PER_ALBUM = 10;

/**
 * Title words: 48 × 48 pairs plus the album number, so titles are as varied as a real catalogue's
 * rather than a dozen words repeated 100,000 times (which would make every trigram common).
 */
const WORDS = [
  '星光',
  '海洋',
  '夜曲',
  '城市',
  '季節',
  '旅程',
  '回憶',
  '青春',
  '雨後',
  '山嵐',
  '花火',
  '晨曦',
  '孤島',
  '遠方',
  '月台',
  '燈塔',
  '風箏',
  '河流',
  '沙漏',
  '森林',
  '雪夜',
  '微光',
  '長巷',
  '南風',
  'Blue',
  'Moon',
  'River',
  'Dream',
  'Velvet',
  'Harbor',
  'Echo',
  'Lantern',
  'Meadow',
  'Cinder',
  'Saffron',
  'Glacier',
  'Orchid',
  'Tundra',
  'Quartz',
  'Willow',
  'Nimbus',
  'Falcon',
  'Ember',
  'Juniper',
  'Marble',
  'Pepper',
  'Sierra',
  'Zephyr',
];
const ARTISTS = [
  '林小華',
  '陳大文',
  '王美玲',
  '張志明',
  '李宗翰',
  '吳佳穎',
  '黃子軒',
  '劉欣怡',
  '蔡明哲',
  '楊雅筑',
  'Lin Band',
  'Taipei Strings',
  'Formosa Quartet',
  'Harbor Lights',
  'Jade River',
  'Neon Tigers',
];

function pgArray(values: readonly string[]): string {
  return `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;
}

/** Registrants 0..count-1 with deterministic ids (md5 of their number). */
export async function seedRegistrants(client: pg.Client, from: number, to: number): Promise<void> {
  await client.query(`insert into registrants (id, kind, name) select md5('registrant-' || g)::uuid, 'company', 'Bench Registrant ' || g from generate_series($1::int, $2::int - 1) g`, [
    from,
    to,
  ]);
}

/** Albums from..to-1 spread over `registrants` registrants, with their recordings and tracks. */
export async function seedAlbums(client: pg.Client, from: number, to: number, registrants: number): Promise<void> {
  const words = pgArray(WORDS);
  const artists = pgArray(ARTISTS);
  await client.query(
    `insert into albums (id, album_number, registrant_id, release_type, title, publisher, production_company, release_date, album_type, status, artist_text, submitted_at)
     select md5('album-' || g)::uuid, 1000000 + g, md5('registrant-' || (g % $3::int))::uuid, 'digital',
            (${words})[1 + g % 48] || ' ' || (${words})[1 + (g / 48) % 48] || ' ' || g,
            'Bench Label', 'Bench Production', '2025-0' || (1 + g % 9),
            'solo', (array['draft','submitted','approved','returned'])[1 + g % 4]::review_status,
            (${artists})[1 + g % 16] || ' / ' || (${artists})[1 + (g / 16) % 16],
            case when g % 4 in (1, 2, 3) then now() - (g % 1000) * interval '1 minute' end
     from generate_series($1::int, $2::int - 1) g`,
    [from, to, registrants],
  );
  await client.query(
    `insert into recordings (id, registrant_id, isrc, isrc_source, title, production_company, artist_text, approved_at)
     select md5('rec-' || r)::uuid, md5('registrant-' || ((r / ${TRACKS_PER_ALBUM}) % $3::int))::uuid,
            'TWZZZ' || lpad(r::text, 7, '0'), 'system', (${words})[1 + r % 48] || ' 曲 ' || r, 'Bench Production',
            (${artists})[1 + r % 16], case when r % 2 = 0 then now() end
     from generate_series($1::int * ${TRACKS_PER_ALBUM}, $2::int * ${TRACKS_PER_ALBUM} - 1) r`,
    [from, to, registrants],
  );
  await client.query(
    `insert into album_tracks (album_id, recording_id, position)
     select md5('album-' || (r / ${TRACKS_PER_ALBUM}))::uuid, md5('rec-' || r)::uuid, 1 + r % ${TRACKS_PER_ALBUM}
     from generate_series($1::int * ${TRACKS_PER_ALBUM}, $2::int * ${TRACKS_PER_ALBUM} - 1) r`,
    [from, to],
  );
  // As autovacuum would after a bulk load: fresh statistics, and the trigram indexes' pending
  // lists merged (every search would otherwise scan up to 4 MB of unmerged entries).
  await client.query('vacuum analyze');
}

/** The ISRC of recording r (for exact-ISRC searches). */
export function benchIsrc(r: number): string {
  return `TWZZZ${String(r).padStart(7, '0')}`;
}

/** The title album g gets from the seed (the same formula as the SQL above). */
export function benchTitle(g: number): string {
  return `${WORDS[g % WORDS.length] ?? ''} ${WORDS[Math.floor(g / WORDS.length) % WORDS.length] ?? ''} ${g}`;
}

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Registrant codes for registrants from..to-1: registrant g holds `benchRegistrantCode(g)` (country TW). */
export async function seedRegistrantCodes(client: pg.Client, from: number, to: number): Promise<void> {
  const digit = (expr: string) => `substr('${BASE36}', 1 + (${expr}) % 36, 1)`;
  await client.query(
    `insert into registrant_codes (country_code, code, registrant_id, is_pool, allocated_year)
     select 'TW', ${digit('(g + 1296) / 1296')} || ${digit('g / 36')} || ${digit('g')}, md5('registrant-' || g)::uuid, false, 2020
     from generate_series($1::int, $2::int - 1) g`,
    [from, to],
  );
}

/** The registrant code seedRegistrantCodes gives registrant g (the same formula as its SQL). */
export function benchRegistrantCode(g: number): string {
  const digit = (n: number) => BASE36[n % 36] ?? '0';
  return digit(Math.floor((g + 1296) / 1296)) + digit(Math.floor(g / 36)) + digit(g);
}
