import { performance } from 'node:perf_hooks';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import type { ServiceContext } from '../src/db/context.js';
import { DEFAULT_AGENCY_CONTACT } from '../src/shared/agency-contact.js';
import { systemClock } from '../src/shared/clock.js';
import { createScratchDatabase } from './scratch-db.js';
import type { BenchContext } from './types.js';

/**
 * The two registries a scaling benchmark compares in one run, on the same server: a small one in a
 * scratch database and the large one in the bench database, each migrated and seeded by `seed`
 * (which says what it seeded), then handed to `use` as service contexts. Closed and dropped after.
 */
export async function withRegistryPair<S>(
  bench: BenchContext,
  prefix: string,
  sizes: readonly [S, S],
  seed: (url: string, size: S) => Promise<string>,
  use: (small: ServiceContext, large: ServiceContext) => Promise<void>,
): Promise<void> {
  const smallDb = await createScratchDatabase(bench.databaseUrl, prefix);
  const handles: DatabaseHandle[] = [];
  try {
    const contexts: ServiceContext[] = [];
    for (const [url, size] of [
      [smallDb.url, sizes[0]],
      [bench.databaseUrl, sizes[1]],
    ] as const) {
      const handle = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
      handles.push(handle);
      await handle.migrate();
      const t0 = performance.now();
      const seeded = await seed(url, size);
      bench.log(`seeded ${seeded} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      contexts.push({ db: handle.db, clock: systemClock, countryCode: 'TW', timeZone: 'Asia/Taipei', sessionIdleMinutes: 60, agency: DEFAULT_AGENCY_CONTACT });
    }
    await use(contexts[0]!, contexts[1]!);
  } finally {
    for (const handle of handles) {
      await handle.close();
    }
    await smallDb.drop();
  }
}
