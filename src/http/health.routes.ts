import { Type } from 'typebox';
import type { AppInstance } from './types.js';

export interface ReadinessProbes {
  /** Throws when the database does not answer. */
  database: () => Promise<void>;
  /** Throws when the file storage does not answer; undefined when the server stores no files. */
  storage?: (() => Promise<void>) | undefined;
  /** Applied against committed migrations (src/db/migration-status.ts). */
  migrations: () => Promise<{ current: boolean; applied: number; committed: number }>;
  /** True once shutdown has begun: a proxy should send new requests elsewhere. */
  draining?: (() => boolean) | undefined;
}

/** A probe that hangs counts as failed: a proxy's readiness check must get an answer in time. */
const PROBE_TIMEOUT_MS = 3000;

async function within<T>(probe: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([probe(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const Check = Type.Union([Type.Literal('ok'), Type.Literal('unreachable'), Type.Literal('not configured')]);
const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not ready')]),
  database: Check,
  storage: Check,
  migrations: Type.Object({
    status: Type.Union([Type.Literal('current'), Type.Literal('not current'), Type.Literal('unknown')]),
    applied: Type.Optional(Type.Integer()),
    committed: Type.Optional(Type.Integer()),
  }),
  shuttingDown: Type.Boolean(),
});

/**
 * `/healthz`: the process is alive and serving (no database: a database outage must not get every
 * instance restarted). `/readyz`: it can do its work — database and storage answer, migrations are
 * current — else 503 with what is missing.
 */
export function healthRoutes(app: AppInstance, probes: ReadinessProbes): void {
  app.get(
    '/healthz',
    {
      schema: { tags: ['operations'], summary: 'Liveness: the process answers (no database check)', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
      config: { public: true },
    },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: { tags: ['operations'], summary: 'Readiness: database and storage reachable, migrations current', response: { 200: Readiness, 503: Readiness } },
      config: { public: true },
    },
    async (request, reply) => {
      const failed = (what: string) => (err: unknown) => {
        request.log.warn({ err }, `readiness: ${what} unreachable`);
        return 'unreachable' as const;
      };
      const storageProbe = probes.storage;
      const [database, storage] = await Promise.all([
        within(probes.database).then(() => 'ok' as const, failed('database')),
        storageProbe === undefined ? ('not configured' as const) : within(storageProbe).then(() => 'ok' as const, failed('storage')),
      ]);
      const migrations =
        database === 'ok'
          ? await within(probes.migrations).then(
              (m) => ({ status: m.current ? ('current' as const) : ('not current' as const), applied: m.applied, committed: m.committed }),
              () => ({ status: 'unknown' as const }),
            )
          : { status: 'unknown' as const };
      const shuttingDown = probes.draining?.() ?? false;
      const ready = database === 'ok' && storage !== 'unreachable' && migrations.status === 'current' && !shuttingDown;
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', database, storage, migrations, shuttingDown });
    },
  );
}
