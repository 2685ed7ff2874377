import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config/env.js';
import { openDatabase, pgliteDirectory, type DatabaseHandle } from './db/client.js';
import { DataDirLockedError } from './db/pglite-lock.js';
import { DEMO_USERS, DemoRefusedError, seedDemo } from './bootstrap/demo-seed.js';
import { ensureFirstAdmin, FIRST_ADMIN_LOGIN } from './bootstrap/first-admin.js';
import { browserUrl, startupLines, type StartupFacts } from './bootstrap/startup-lines.js';
import { buildApp } from './http/app.js';
import { loggerOptions } from './http/logging.js';
import type { AppInstance } from './http/types.js';
import { systemClock } from './shared/clock.js';
import { contextFromConfig } from './db/context.js';
import { createWorkbookReader } from './import/spreadsheet/read-workbook.js';
import { createPgUploadLocks } from './media/upload-locks.js';
import { createStorage } from './storage/create-storage.js';
import { sweepAtStart } from './storage/startup-sweep.js';
import { installGracefulShutdown, trackInFlight } from './bootstrap/graceful-shutdown.js';
import { createPrometheusMetrics } from './metrics/prometheus.js';
import { readQueueLevels } from './metrics/metrics.repo.js';
import { createJobQueue, registerAppJobs } from './jobs/app-jobs.js';

const DEMO_LOGINS = [
  { ...DEMO_USERS.company, what: 'company' },
  { ...DEMO_USERS.individual, what: 'individual' },
  { ...DEMO_USERS.officer, what: 'agency officer' },
];

/**
 * Listens. Fastify logs "Server listening at …" for every address; on a text console our own
 * start-up lines say it once, so its lines are held back (JSON logs keep them for collectors).
 */
async function listen(app: AppInstance, config: Config): Promise<AddressInfo> {
  const level = app.log.level;
  const quiet = config.logFormat === 'text' && ['trace', 'debug', 'info'].includes(level);
  if (quiet) {
    app.log.level = 'warn';
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } finally {
    app.log.level = level;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('the server is not listening on a TCP port');
  }
  return address;
}

async function start(config: Config, handle: DatabaseHandle): Promise<void> {
  let shutdownState = { draining: () => false };
  await handle.migrate();
  const storage = await createStorage(config);
  // Background work (src/jobs): graphile-worker on PostgreSQL, in this process on the embedded
  // database. Made before the app (services enqueue through ctx); it logs through the app's logger.
  const logTo: { app?: AppInstance } = {};
  const jobs = createJobQueue(config.databaseUrl, {
    info: (o, m) => logTo.app?.log.info(o, m),
    warn: (o, m) => logTo.app?.log.warn(o, m),
    error: (o, m) => logTo.app?.log.error(o, m),
    debug: (o, m) => logTo.app?.log.debug(o, m),
  });
  const prometheus = createPrometheusMetrics({ readLevels: () => readQueueLevels(handle.db), readJobDepth: () => jobs.depth() });
  // 專輯匯入 parses uploads in a forked child: one spare starts now, not at the first upload.
  const workbookReader = createWorkbookReader();
  // Several instances on one PostgreSQL: a resumable upload's lock must hold across all of them.
  const uploadLocks =
    config.databaseUrl === undefined ? undefined : createPgUploadLocks(config.databaseUrl, { onError: (err) => logTo.app?.log.warn({ err }, 'upload lock connection lost') });
  const ctx = { ...contextFromConfig(handle.db, systemClock, config), storage, stagingDir: config.stagingDir, metrics: prometheus.domain, workbookReader, jobs, uploadLocks };
  const admin = await ensureFirstAdmin(ctx, config.adminPassword);
  const demoSeededNow = config.demo ? await seedDemo(ctx) : undefined;

  const requestLevel = config.production ? 'info' : 'debug';
  const app = await buildApp({
    ctx,
    webDir: config.webDir,
    logger: loggerOptions(config.logLevel, config.logFormat),
    requestLogLevel: requestLevel,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    metrics: { prometheus, access: { allow: config.operations.metricsAllow, token: config.operations.metricsToken } },
    draining: () => shutdownState.draining(),
  });
  logTo.app = app;
  app.addHook('onClose', async () => {
    workbookReader.close();
    await uploadLocks?.close();
  });
  // Temporary leftovers of a crash: storage temporaries after an hour, staged uploads after a day.
  // Worth a console line only when it found some; a failed sweep only a warning: the leftovers harm
  // nothing until the next start.
  await sweepAtStart(storage, config).then(
    (summary) =>
      summary.temporaryRemoved + summary.stagedRemoved > 0 ? app.log.info(summary, 'start-up sweep of temporary files') : app.log.debug(summary, 'start-up sweep of temporary files'),
    (err: unknown) => app.log.warn({ err }, 'start-up sweep of temporary files failed'),
  );
  // Fixity runs, the orphan sweep every few hours, e-mail copies of notifications when SMTP_URL is
  // set (links point at PUBLIC_URL or where we listen).
  let port: number = config.port;
  const releaseJobs = registerAppJobs(jobs, ctx, { publicUrl: () => config.publicUrl ?? browserUrl(config.host, port), log: app.log });
  await jobs.start();
  const inFlight = trackInFlight(app.server);
  shutdownState = installGracefulShutdown({
    closeServer: async () => {
      await app.close();
      await inFlight.settled();
      // Keep-alive connections left idle by the answered requests.
      app.server.closeAllConnections();
    },
    cutConnections: () => app.server.closeAllConnections(),
    release: [() => jobs.stop(), releaseJobs, () => handle.close()],
    timeoutMs: config.operations.shutdownTimeoutMs,
    log: app.log,
    exit: (code) => process.exit(code),
  });
  const address = await listen(app, config);
  port = address.port;

  const facts: StartupFacts = {
    url: browserUrl(config.host, address.port),
    host: config.host,
    port: address.port,
    database: config.databaseUrl === undefined ? { kind: 'pglite', dir: pgliteDirectory(config.dataDir) } : { kind: 'postgres', url: config.databaseUrl },
    dataDir: config.dataDir,
    admin: { loginName: FIRST_ADMIN_LOGIN, created: admin.created, generatedPassword: admin.generatedPassword },
    demo: demoSeededNow === undefined ? undefined : { seededNow: demoSeededNow, logins: DEMO_LOGINS },
    log: { level: config.logLevel, format: config.logFormat, requestLevel },
  };
  // Printed, on purpose not through the logger: the generated password must not end up in log storage.
  console.log(startupLines(facts).join('\n'));
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  const handle = await openDatabase(config.databaseUrl === undefined ? { kind: 'pglite', dataDir: config.dataDir } : { kind: 'postgres', url: config.databaseUrl });
  try {
    await start(config, handle);
  } catch (err) {
    // Release the data directory (and connections) before exiting.
    await handle.close().catch(() => undefined);
    throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    // Every wrong setting at once, one line each.
    console.error(`Cannot start: ${err.problems.length === 1 ? 'a setting is' : `${err.problems.length} settings are`} wrong or missing:\n${err.problems.map((p) => `  - ${p}`).join('\n')}`);
  } else if (err instanceof DataDirLockedError || err instanceof DemoRefusedError) {
    console.error(`Cannot start: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
