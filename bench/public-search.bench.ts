/**
 * The public ISRC search (`searchPublic`, no login) at 1,000 and at 1,000,000 approved recordings,
 * measured alternately in one run (as the staff search bench does): lookup by ISRC should cost
 * about the same at both sizes (goal: p50 and p95 ratio ≤ 1.2), title and performer words at most
 * twice as much (≤ 2). Also the rate limit's per-request upsert. Sizes: BENCH_PUBLIC_LARGE
 * (default 1000000) recordings in the large registry. BENCH_EXPLAIN=1 prints EXPLAIN (ANALYZE,
 * BUFFERS) of each search's queries at both sizes first (or BENCH_EXPLAIN=<words of a label>: only
 * those scenarios).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { ServiceContext } from '../src/db/context.js';
import { rowsOf } from '../src/db/rows.js';
import { approvedRecordingIds, approvedRecordingIdsQuery, approvedRecordingPage, type PublicScope } from '../src/public-search/public-search.repo.js';
import { PUBLIC_SEARCH_COUNT_CAP, PUBLIC_SEARCH_PAGE_SIZE } from '../src/public-search/public-search.schemas.js';
import { searchPublic } from '../src/public-search/public-search.service.js';
import { countPublicRequest } from '../src/public-search/rate-limit.service.js';
import { withRegistryPair } from './registry-pair.js';
import { summarise, type Summary } from './stats.js';
import type { BenchContext, Benchmark } from './types.js';

const SMALL = 1_000;
const LARGE = Number(process.env.BENCH_PUBLIC_LARGE ?? 1_000_000);
const REPEATS = Number(process.env.BENCH_SEARCH_REPEATS ?? 100);
const TRACKS_PER_ALBUM = 10;
const EXPLAIN = process.env.BENCH_EXPLAIN ?? '';

const WORDS = ['星光', '海洋', '夜曲', '城市', '季節', '旅程', '回憶', '青春', 'Blue', 'Moon', 'River', 'Dream', 'Velvet', 'Harbor', 'Echo', 'Lantern'];
const ARTISTS = ['林小華', '陳大文', '王美玲', '張志明', 'Lin Band', 'Taipei Strings', 'Formosa Quartet', 'Harbor Lights'];

const pgArray = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]`;

/** Recordings from..to-1, every one approved, ten to an approved album, spread over 100 registrants. */
async function seed(client: pg.Client, from: number, to: number): Promise<void> {
  const albumsFrom = from / TRACKS_PER_ALBUM;
  const albumsTo = to / TRACKS_PER_ALBUM;
  await client.query(
    `insert into albums (id, album_number, registrant_id, release_type, title, publisher, status, artist_text, submitted_at, reviewed_at)
     select md5('album-' || g)::uuid, 1000000 + g, md5('registrant-' || (g % 100))::uuid, 'digital', 'Album ' || g, 'Bench Label', 'approved', '', now(), now()
     from generate_series($1::int, $2::int - 1) g`,
    [albumsFrom, albumsTo],
  );
  await client.query(
    `insert into recordings (id, registrant_id, isrc, isrc_source, title, artist_text, duration_seconds, approved_at)
     select md5('rec-' || r)::uuid, md5('registrant-' || ((r / ${TRACKS_PER_ALBUM}) % 100))::uuid, 'TWZZZ' || lpad(r::text, 7, '0'), 'system',
            (${pgArray(WORDS)})[1 + r % ${WORDS.length}] || ' ' || (${pgArray(WORDS)})[1 + (r / ${WORDS.length}) % ${WORDS.length}] || ' ' || r,
            (${pgArray(ARTISTS)})[1 + r % ${ARTISTS.length}], 180 + r % 120, now()
     from generate_series($1::int, $2::int - 1) r`,
    [from, to],
  );
  await client.query(
    `insert into album_tracks (album_id, recording_id, position)
     select md5('album-' || (r / ${TRACKS_PER_ALBUM}))::uuid, md5('rec-' || r)::uuid, 1 + r % ${TRACKS_PER_ALBUM}
     from generate_series($1::int, $2::int - 1) r`,
    [from, to],
  );
}

async function seedRegistry(url: string, recordings: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`insert into registrants (id, kind, name) select md5('registrant-' || g)::uuid, 'company', 'Bench Registrant ' || g from generate_series(0, 99) g`);
    // The small registry's recordings are the large one's first: the same rows, grown.
    await seed(client, 0, SMALL);
    for (let from = SMALL; from < recordings; from += 100_000) {
      await seed(client, from, Math.min(recordings, from + 100_000));
    }
    // As autovacuum would after a bulk load: fresh statistics, the trigram indexes' pending lists merged.
    await client.query('vacuum analyze');
  } finally {
    await client.end();
  }
}

interface Scenario {
  label: string;
  /** The search's scope, for BENCH_EXPLAIN. */
  scope?: PublicScope;
  /** Runs once; returns how many results it shows (0 means the seed and the scenario disagree). */
  run(ctx: ServiceContext, i: number): Promise<number>;
}

const lookup = (label: string, q: string, isrc: string): Scenario => ({
  label: `ISRC: ${label}`,
  scope: { isrc },
  run: async (ctx) => (await searchPublic(ctx, { q })).items.length,
});
const words = (label: string, q: string): Scenario => ({ label: `words: ${label}`, scope: { text: q }, run: async (ctx) => (await searchPublic(ctx, { q })).items.length });

const SCENARIOS: Scenario[] = [
  lookup('compact', 'TWZZZ0000777', 'TWZZZ0000777'),
  lookup('tw-zzz-…, lower case', 'tw-zzz-00-00555', 'TWZZZ0000555'),
  lookup('full-width with ISRC label', 'ISRC：ＴＷ－ＺＺＺ－００－００３３３', 'TWZZZ0000333'),
  words('common word Velvet', 'Velvet'),
  words('title word 夜曲 (2 chars)', '夜曲'),
  words('performer Taipei Strings', 'Taipei Strings'),
  // Few matches, so the trigram index is read. Its cost is decoding the posting list of every trigram
  // of the phrase, and most are common (each seed word is in 1/8 of the titles, "  7" starts 1/9 of
  // the numbers): it grows with the registry, unlike a seq scan of the small one.
  words('rare title (number)', 'Moon 星光 777'),
  // One upsert per request: every address counted in its own bucket.
  { label: 'rate limit: count one request', run: async (ctx, i) => (await countPublicRequest(ctx, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`), 1) },
];

/** EXPLAIN (ANALYZE, BUFFERS) of the queries the service runs for `scope` (first page), indented. */
async function explainSearch(ctx: ServiceContext, scope: PublicScope): Promise<string[]> {
  const explain = async (query: Parameters<typeof sql>[1]) => {
    const rows = rowsOf(await ctx.db.execute(sql`explain (analyze, buffers) ${query}`));
    return rows.map((r) => `      ${String(r['QUERY PLAN'])}`);
  };
  const ids = await approvedRecordingIds(ctx.db, scope, PUBLIC_SEARCH_COUNT_CAP + 1);
  const pageScope = ids.length > PUBLIC_SEARCH_COUNT_CAP ? scope : { ids };
  return [
    `    ids (${ids.length} found):`,
    ...(await explain(approvedRecordingIdsQuery(ctx.db, scope, PUBLIC_SEARCH_COUNT_CAP + 1))),
    '    page:',
    ...(await explain(approvedRecordingPage(ctx.db, pageScope, { offset: 0, limit: PUBLIC_SEARCH_PAGE_SIZE }))),
  ];
}

async function measurePair(small: ServiceContext, large: ServiceContext, scenario: Scenario): Promise<[Summary, Summary]> {
  let n = 0;
  for (let i = 0; i < 10; i++) {
    await scenario.run(small, n++);
    await scenario.run(large, n++);
  }
  const latencies: [number[], number[]] = [[], []];
  const elapsed = [0, 0];
  for (let i = 0; i < REPEATS; i++) {
    for (const [k, ctx] of [small, large].entries()) {
      const t0 = performance.now();
      const found = await scenario.run(ctx, n++);
      const ms = performance.now() - t0;
      latencies[k]?.push(ms);
      elapsed[k] = (elapsed[k] ?? 0) + ms;
      if (found === 0) {
        throw new Error(`${scenario.label}: nothing found; the seed and the scenario disagree`);
      }
    }
  }
  return [summarise(latencies[0], elapsed[0] ?? 0), summarise(latencies[1], elapsed[1] ?? 0)];
}

export const publicSearchBenchmark: Benchmark = {
  name: 'public_search',
  description: `public ISRC search (no login), ${SMALL.toLocaleString('en')} vs ${LARGE.toLocaleString('en')} approved recordings`,
  async run(bench: BenchContext) {
    const seedOne = async (url: string, size: number) => {
      await seedRegistry(url, size);
      return `${size.toLocaleString('en')} approved recordings`;
    };
    await withRegistryPair(bench, 'isrc_bench_public_small', [SMALL, LARGE], seedOne, async (small, large) => {
      const explained = SCENARIOS.filter((s) => s.scope !== undefined && EXPLAIN !== '' && (EXPLAIN === '1' || s.label.includes(EXPLAIN)));
      for (const scenario of explained) {
        for (const [name, ctx] of [
          ['small', small],
          ['large', large],
        ] as const) {
          bench.log(`-- ${scenario.label}, ${name} registry`);
          (await explainSearch(ctx, scenario.scope ?? { ids: [] })).forEach((line) => bench.log(line));
        }
      }
      const ms = (v: number) => v.toFixed(2).padStart(8);
      bench.log(`${'public search'.padEnd(40)} ${'p50 small'.padStart(9)} ${'p50 large'.padStart(9)} ${'p95 small'.padStart(9)} ${'p95 large'.padStart(9)}  ratio p50  ratio p95`);
      for (const scenario of SCENARIOS) {
        const [s, l] = await measurePair(small, large, scenario);
        bench.log(
          `${scenario.label.padEnd(40)} ${ms(s.p50Ms)} ${ms(l.p50Ms)} ${ms(s.p95Ms)} ${ms(l.p95Ms)}  ${(l.p50Ms / s.p50Ms).toFixed(2).padStart(9)}  ${(l.p95Ms / s.p95Ms).toFixed(2).padStart(9)}`,
        );
      }
      bench.log('(milliseconds; goals: ISRC lookup ratio ≤ 1.2, words ≤ 2)');
    });
  },
};
