import { loadConfig } from '../config/env.js';
import { openDatabase } from '../db/client.js';
import { contextFromConfig, type ServiceContext } from '../db/context.js';
import { systemClock } from '../shared/clock.js';
import { createStorage } from '../storage/create-storage.js';
import type { FileStorage } from '../storage/storage.js';

/** The server's context as a console tool has it: always with storage and the staging folder. */
export type ToolContext = ServiceContext & { readonly storage: FileStorage; readonly stagingDir: string };

/**
 * What a console tool (`npm run fixity`, `npm run sweep`) works with: the configuration read once
 * from the environment, the migrated database and the configured storage, as the server has them.
 * On the embedded database opening takes the data-directory lock, so a tool refuses to run while a
 * server is up. The database is closed when `use` ends.
 */
export async function withToolContext<T>(use: (ctx: ToolContext) => Promise<T>): Promise<T> {
  // eslint-disable-next-line no-restricted-properties -- a console tool reads its configuration once at start, as main.ts does
  const config = loadConfig(process.env);
  const handle = await openDatabase(config.databaseUrl === undefined ? { kind: 'pglite', dataDir: config.dataDir } : { kind: 'postgres', url: config.databaseUrl });
  try {
    await handle.migrate();
    return await use({ ...contextFromConfig(handle.db, systemClock, config), storage: await createStorage(config), stagingDir: config.stagingDir });
  } finally {
    await handle.close();
  }
}
