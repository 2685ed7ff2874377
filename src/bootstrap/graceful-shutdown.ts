import type { Server } from 'node:http';

/** The few logger calls shutdown makes (the app's pino logger fits). */
export interface ShutdownLog {
  info(fields: object, message: string): void;
  info(message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ShutdownPlan {
  /** Stops accepting connections and resolves once the requests in flight are answered. */
  closeServer: () => Promise<void>;
  /** Cuts the connections still open (requests that outlived the bound). */
  cutConnections: () => void;
  /** Then, in order: background work, the database (and the embedded database's lock). */
  release: readonly (() => Promise<void> | void)[];
  timeoutMs: number;
  log: ShutdownLog;
  exit: (code: number) => void;
}

/**
 * SIGTERM / SIGINT: stop accepting (readiness turns 503 at once through `draining`), let requests in
 * flight finish for at most `timeoutMs`, then close what the server holds and exit — 0 when every
 * request was answered, 1 when some had to be cut. A second signal exits at once.
 */
export function installGracefulShutdown(plan: ShutdownPlan): { draining: () => boolean } {
  let draining = false;
  const shutdown = async (signal: string) => {
    if (draining) {
      plan.log.warn({ signal }, 'second signal: exiting without waiting');
      plan.exit(1);
      return;
    }
    draining = true;
    plan.log.info({ signal, timeoutMs: plan.timeoutMs }, 'shutting down: finishing requests in flight');
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'cut'>((resolve) => {
      timer = setTimeout(() => resolve('cut'), plan.timeoutMs);
    });
    const closed = plan.closeServer().then(() => 'closed' as const);
    const outcome = await Promise.race([closed, bound]);
    clearTimeout(timer);
    if (outcome === 'cut') {
      plan.log.warn({ timeoutMs: plan.timeoutMs }, 'shutdown: requests still running after the bound are cut');
      plan.cutConnections();
      await closed.catch(() => undefined);
    }
    for (const step of plan.release) {
      try {
        await step();
      } catch (err) {
        plan.log.error({ err }, 'shutdown: a release step failed');
      }
    }
    plan.log.info('shut down');
    plan.exit(outcome === 'cut' ? 1 : 0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return { draining: () => draining };
}

/**
 * Counts the requests being answered. Fastify's `close()` resolves once the server stops
 * listening, without waiting for them: `settled()` is what does.
 */
export function trackInFlight(server: Server): { settled: () => Promise<void> } {
  let running = 0;
  let waiters: (() => void)[] = [];
  server.on('request', (_request, response) => {
    running++;
    response.once('close', () => {
      running--;
      if (running === 0) {
        waiters.forEach((wake) => wake());
        waiters = [];
      }
    });
  });
  return { settled: () => (running === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))) };
}
