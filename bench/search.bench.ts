/**
 * Every staff search at 1,000 albums and at 100,000 albums / 1,000,000 recordings (the same seed
 * grown 100x): the agency-wide 查詢 (`searchAgency`,
 * one scenario per way a query is read) and the staff album list's substring searches
 * (`listAlbums`). The goal: 100x the data costs at most 2x the latency, for each search. The two
 * sizes are two databases on one server, measured alternately in the same run.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Actor } from '../src/accounts/actor.js';
import { listAlbums } from '../src/catalog/albums.service.js';
import type { ServiceContext } from '../src/db/context.js';
import { searchAgency } from '../src/search/search.service.js';
import { benchIsrc, benchRegistrantCode, benchTitle, seedAlbums, seedRegistrantCodes, seedRegistrants, TRACKS_PER_ALBUM } from './catalog-seed.js';
import { withRegistryPair } from './registry-pair.js';
import { summarise, type Summary } from './stats.js';
import type { BenchContext, Benchmark } from './types.js';

const SMALL = { albums: 1_000, registrants: 10 };
const LARGE: typeof SMALL = { albums: 100_000, registrants: 1_000 };
const REPEATS = Number(process.env.BENCH_SEARCH_REPEATS ?? 100);

const staff: Actor = { kind: 'staff', userId: '00000000-0000-4000-8000-000000000002', role: 'agency_officer', ip: '' };

interface Scenario {
  label: string;
  /** Runs the search; returns how many results the first page shows (0 means the seed and scenario disagree). */
  run(ctx: ServiceContext): Promise<number>;
}

const search = (label: string, q: string): Scenario => ({
  label: `查詢: ${label}`,
  async run(ctx) {
    const r = await searchAgency(ctx, staff, { q });
    return (r.recordings?.items.length ?? 0) + (r.albums?.items.length ?? 0) + (r.registrants?.items.length ?? 0);
  },
});

const albumList = (label: string, q: string, view?: 'review'): Scenario => ({
  label: `album list: ${label}`,
  async run(ctx) {
    return (await listAlbums(ctx, staff, { q, ...(view && { view }) })).items.length;
  },
});

/** Album 7 and its recordings 70–79 belong to registrant 7 at both sizes. */
export function searchScenarios(): Scenario[] {
  const isrc = benchIsrc(7 * TRACKS_PER_ALBUM + 5);
  const spelled = `${isrc.slice(0, 2)}-${isrc.slice(2, 5)}-${isrc.slice(5, 7)}-${isrc.slice(7)}`.toLowerCase();
  return [
    search('ISRC (tw-zzz-…, lower case)', spelled),
    search('album number', String(1_000_000 + 7)),
    search('registrant code', benchRegistrantCode(7)),
    search('title word 夜曲 (2 chars)', '夜曲'),
    search('artist', 'Taipei Strings'),
    search('common word', 'Velvet'),
    search('rare title', benchTitle(7)),
    search('registrant name', 'Registrant 7'),
    albumList('ISRC', isrc),
    albumList('album number', String(1_000_000 + 7)),
    albumList('title word 夜曲', '夜曲'),
    albumList('artist (審核中)', 'Taipei Strings', 'review'),
    albumList('short number', '998'),
    albumList('rare title', benchTitle(7)),
    albumList('common word', 'Velvet'),
  ];
}

/**
 * Both sizes of one scenario, alternately: on a shared machine the load changes from second to
 * second, and alternating lets both sizes meet the same load, so their ratio is about the data.
 */
async function measurePair(small: ServiceContext, large: ServiceContext, scenario: Scenario): Promise<[Summary, Summary]> {
  for (let i = 0; i < 10; i++) {
    await scenario.run(small);
    await scenario.run(large);
  }
  const latencies: [number[], number[]] = [[], []];
  const elapsed = [0, 0];
  for (let i = 0; i < REPEATS; i++) {
    for (const [k, ctx] of [small, large].entries()) {
      const t0 = performance.now();
      const found = await scenario.run(ctx);
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

export async function measureSearches(small: ServiceContext, large: ServiceContext): Promise<[Map<string, Summary>, Map<string, Summary>]> {
  const results: [Map<string, Summary>, Map<string, Summary>] = [new Map<string, Summary>(), new Map<string, Summary>()];
  for (const scenario of searchScenarios()) {
    const [s, l] = await measurePair(small, large, scenario);
    results[0].set(scenario.label, s);
    results[1].set(scenario.label, l);
  }
  return results;
}

export function ratioTable(small: Map<string, Summary>, large: Map<string, Summary>): string[] {
  const lines = [`${'search'.padEnd(40)} ${'p50 1k'.padStart(8)} ${'p50 100k'.padStart(8)} ${'p95 1k'.padStart(8)} ${'p95 100k'.padStart(8)}  ratio p50  ratio p95`];
  const ms = (v: number) => v.toFixed(2).padStart(8);
  for (const [label, s] of small) {
    const l = large.get(label);
    if (l !== undefined) {
      lines.push(
        `${label.padEnd(40)} ${ms(s.p50Ms)} ${ms(l.p50Ms)} ${ms(s.p95Ms)} ${ms(l.p95Ms)}  ${(l.p50Ms / s.p50Ms).toFixed(2).padStart(9)}  ${(l.p95Ms / s.p95Ms).toFixed(2).padStart(9)}`,
      );
    }
  }
  lines.push('(milliseconds; goal: ratio ≤ 2 when the registry grows 100x)');
  return lines;
}

export const searchBenchmark: Benchmark = {
  name: 'search',
  description: 'every staff search (查詢 and the album list), 1,000 vs 100,000 albums (1,000,000 recordings)',
  async run(bench: BenchContext) {
    // Two databases on the same server, measured in the same run: the small one as the large one
    // was before it grew 100x (same seed, same albums 0–999 of the same registrants).
    const seedOne = async (url: string, size: typeof SMALL) => {
      await seed(url, size);
      return `${size.albums} albums / ${size.albums * TRACKS_PER_ALBUM} recordings / ${size.registrants} registrants`;
    };
    await withRegistryPair(bench, 'isrc_bench_search_small', [SMALL, LARGE], seedOne, async (small, large) => {
      const [s, l] = await measureSearches(small, large);
      for (const line of ratioTable(s, l)) {
        bench.log(line);
      }
    });
  },
};

/** The small registry, or the small one grown 100x: the extra albums spread over all registrants (7 keeps its 100). */
async function seed(url: string, size: typeof SMALL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await seedRegistrants(client, 0, size.registrants);
    await seedRegistrantCodes(client, 0, size.registrants);
    await seedAlbums(client, 0, SMALL.albums, SMALL.registrants);
    if (size.albums > SMALL.albums) {
      await seedAlbums(client, SMALL.albums, size.albums, size.registrants);
    }
  } finally {
    await client.end();
  }
}
