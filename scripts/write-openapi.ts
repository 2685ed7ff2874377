// Writes docs/openapi.json from the routes' schemas (sorted keys), or with --check fails if stale.
import fs from 'node:fs';
import { openDatabase } from '../src/db/client.js';
import { buildApp } from '../src/http/app.js';
import { DEFAULT_AGENCY_CONTACT } from '../src/shared/agency-contact.js';
import { systemClock } from '../src/shared/clock.js';

const target = 'docs/openapi.json';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

const handle = await openDatabase({ kind: 'pglite-memory' });
const app = await buildApp({ ctx: { db: handle.db, clock: systemClock, countryCode: 'TW', timeZone: 'Asia/Taipei', sessionIdleMinutes: 60, agency: DEFAULT_AGENCY_CONTACT } });
await app.ready();
const text = `${JSON.stringify(sortKeys(app.swagger()), null, 2)}\n`;
await app.close();
await handle.close();

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(`${target} is out of date: run npm run openapi:write and commit it`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  fs.writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
