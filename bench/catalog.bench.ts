/**
 * Album list and search latency at 1,000 albums and again, in the same run and database, after
 * growing the registry 100x to 100,000 albums / 1,000,000 recordings. The goal: 100x the data
 * costs under 2x the latency. Queries go through the real service (`listAlbums`).
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Actor } from '../src/accounts/actor.js';
import { listAlbums } from '../src/catalog/albums.service.js';
import type { AlbumListQuery } from '../src/catalog/catalog.schemas.js';
import { openDatabase } from '../src/db/client.js';
import { DEFAULT_AGENCY_CONTACT } from '../src/shared/agency-contact.js';
import { systemClock } from '../src/shared/clock.js';
import type { ServiceContext } from '../src/db/context.js';
import { benchIsrc, benchTitle, seedAlbums, seedRegistrants, TRACKS_PER_ALBUM } from './catalog-seed.js';
import { summarise, type Summary } from './stats.js';
import type { BenchContext, Benchmark } from './types.js';

const SMALL = { albums: 1_000, registrants: 10 };
const LARGE = { albums: 100_000, registrants: 1_000 };
/** Fewer repetitions than the allocation benchmark: each is a whole list query. */
const REPEATS = 200;

interface Scenario {
  label: string;
  actor: Actor;
  query: AlbumListQuery;
}

const member = (registrantNumber: number): Actor => ({
  kind: 'member',
  userId: '00000000-0000-4000-8000-000000000001',
  role: 'registrant_member',
  registrantId: md5Uuid(`registrant-${registrantNumber}`),
  ip: '',
});
const staff: Actor = { kind: 'staff', userId: '00000000-0000-4000-8000-000000000002', role: 'agency_officer', ip: '' };

function md5Uuid(text: string): string {
  // Same as PostgreSQL's md5(text)::uuid, so the benchmark can name seeded rows.
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function scenarios(): Scenario[] {
  // Album 7 belongs to registrant 7 in both sizes; recording 75 is on album 7.
  return [
    { label: 'member: 所有專輯 page 1', actor: member(7), query: { view: 'all' } },
    { label: 'member: 待辦事項 page 3', actor: member(7), query: { view: 'todo', page: 3 } },
    { label: 'member: search title word', actor: member(7), query: { view: 'all', q: '夜曲' } },
    { label: 'member: search ISRC', actor: member(7), query: { view: 'all', q: benchIsrc(7 * TRACKS_PER_ALBUM + 5) } },
    { label: 'staff: 審核中專輯 page 1', actor: staff, query: { view: 'review' } },
    { label: 'staff: search album number', actor: staff, query: { q: String(1_000_000 + 7) } },
    { label: 'staff: search ISRC', actor: staff, query: { q: benchIsrc(7 * TRACKS_PER_ALBUM + 5) } },
    { label: 'staff: search artist', actor: staff, query: { q: 'Taipei Strings', view: 'review' } },
    { label: 'staff: search short number', actor: staff, query: { q: '998' } },
    { label: 'staff: search rare title', actor: staff, query: { q: benchTitle(7) } },
    { label: 'staff: search common word', actor: staff, query: { q: 'Velvet' } },
  ];
}

async function measure(ctx: ServiceContext, scenario: Scenario): Promise<Summary> {
  for (let i = 0; i < 10; i++) {
    await listAlbums(ctx, scenario.actor, scenario.query);
  }
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    const page = await listAlbums(ctx, scenario.actor, scenario.query);
    latencies.push(performance.now() - t0);
    if (page.items.length === 0) {
      throw new Error(`${scenario.label}: no albums found; the seed and the scenario disagree`);
    }
  }
  return summarise(latencies, performance.now() - start);
}

async function measureAll(ctx: ServiceContext): Promise<Map<string, Summary>> {
  const results = new Map<string, Summary>();
  for (const scenario of scenarios()) {
    results.set(scenario.label, await measure(ctx, scenario));
  }
  return results;
}

export const catalogBenchmark: Benchmark = {
  name: 'catalog',
  description: 'album list and search latency, 1,000 vs 100,000 albums (1,000,000 recordings)',
  async run(bench: BenchContext) {
    const handle = await openDatabase({ kind: 'postgres', url: bench.databaseUrl, poolSize: 4 });
    const client = new pg.Client({ connectionString: bench.databaseUrl });
    await client.connect();
    try {
      await handle.migrate();
      const ctx: ServiceContext = { db: handle.db, clock: systemClock, countryCode: 'TW', timeZone: 'Asia/Taipei', sessionIdleMinutes: 60, agency: DEFAULT_AGENCY_CONTACT };
      await seedRegistrants(client, 0, LARGE.registrants);
      await seedAlbums(client, 0, SMALL.albums, SMALL.registrants);
      bench.log(`seeded ${SMALL.albums} albums / ${SMALL.albums * TRACKS_PER_ALBUM} recordings`);
      const small = await measureAll(ctx);
      const t0 = performance.now();
      // Grow to the large size: the extra albums spread over all registrants (7 keeps its 100).
      await seedAlbums(client, SMALL.albums, LARGE.albums, LARGE.registrants);
      bench.log(`grew to ${LARGE.albums} albums / ${LARGE.albums * TRACKS_PER_ALBUM} recordings in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      const large = await measureAll(ctx);
      bench.log(`${'query'.padEnd(30)} ${'p50 1k'.padStart(9)} ${'p50 100k'.padStart(9)} ${'p95 1k'.padStart(9)} ${'p95 100k'.padStart(9)}  ratio p50  ratio p95`);
      for (const [label, s] of small) {
        const l = large.get(label);
        if (l === undefined) {
          continue;
        }
        const ms = (v: number) => v.toFixed(2).padStart(9);
        bench.log(
          `${label.padEnd(30)} ${ms(s.p50Ms)} ${ms(l.p50Ms)} ${ms(s.p95Ms)} ${ms(l.p95Ms)}  ${(l.p50Ms / s.p50Ms).toFixed(2).padStart(9)}  ${(l.p95Ms / s.p95Ms).toFixed(2).padStart(9)}`,
        );
      }
      bench.log('(milliseconds; goal: ratio < 2 when the registry grows 100x)');
    } finally {
      await client.end();
      await handle.close();
    }
  },
};
