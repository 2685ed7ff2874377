// `npm run db:migrate`: applies the committed migrations and exits. On the embedded database it
// takes the same data-directory lock as the server, so it refuses to run while a server is up.
import { ConfigError, loadConfig } from '../config/env.js';
import { openDatabase } from './client.js';
import { DataDirLockedError } from './pglite-lock.js';

async function run(): Promise<void> {
  const config = loadConfig(process.env);
  const handle = await openDatabase(config.databaseUrl === undefined ? { kind: 'pglite', dataDir: config.dataDir } : { kind: 'postgres', url: config.databaseUrl });
  try {
    await handle.migrate();
    console.log(`Migrations applied (${handle.kind === 'pglite' ? config.dataDir : 'PostgreSQL'}).`);
  } finally {
    await handle.close();
  }
}

run().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof DataDirLockedError ? `Cannot migrate: ${err.message}` : err);
  process.exit(1);
});
