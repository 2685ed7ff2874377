import { ConfigError, loadConfig } from './config/env.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/pglite-lock.js';
import { seedDemo, DEMO_USERS } from './bootstrap/demo-seed.js';
import { ensureFirstAdmin, FIRST_ADMIN_LOGIN } from './bootstrap/first-admin.js';
import { buildApp } from './http/app.js';
import { systemClock } from './shared/clock.js';
import type { ServiceContext } from './db/context.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  const handle = await openDatabase(config.databaseUrl === undefined ? { kind: 'pglite', dataDir: config.dataDir } : { kind: 'postgres', url: config.databaseUrl });
  await handle.migrate();
  const ctx: ServiceContext = { db: handle.db, clock: systemClock, countryCode: config.countryCode, timeZone: config.timeZone, sessionIdleMinutes: config.sessionIdleMinutes };

  const admin = await ensureFirstAdmin(ctx, config.adminPassword);
  if (admin.generatedPassword !== undefined) {
    // Printed once, on purpose not through the logger: it must not end up in log storage.
    console.log(`\n  First start: administrator "${FIRST_ADMIN_LOGIN}" created with password: ${admin.generatedPassword}\n  Change it after logging in.\n`);
  }
  if (config.demo && (await seedDemo(ctx))) {
    console.log(
      `\n  Demo data seeded (marked 【示範】). Logins: ${DEMO_USERS.company.loginName} / ${DEMO_USERS.company.password}, ${DEMO_USERS.individual.loginName} / ${DEMO_USERS.individual.password}\n`,
    );
  }

  const app = await buildApp({ ctx, webDir: config.webDir, logger: { level: config.logLevel }, trustProxy: config.trustProxy });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`ISRC registry at http://localhost:${config.port} (${handle.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(`Cannot start: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
