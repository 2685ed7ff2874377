import fastifyCookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { authRoutes } from '../accounts/auth.routes.js';
import { usersRoutes } from '../accounts/users.routes.js';
import { allocationRoutes } from '../allocation/allocation.routes.js';
import { registrantsRoutes } from '../registrants/registrants.routes.js';
import { settingsRoutes } from '../settings/settings.routes.js';
import { albumsRoutes } from '../catalog/albums.routes.js';
import { tracksRoutes } from '../catalog/tracks.routes.js';
import { coversRoutes } from '../media/covers.routes.js';
import { registerAudioWarningLocale, trackAudioRoutes } from '../media/track-audio.routes.js';
import { tusUploadsRoutes } from '../media/tus-uploads.routes.js';
import { reviewRoutes } from '../review/review.routes.js';
import { ddexRoutes } from '../integration/ddex/ddex.routes.js';
import { marcRoutes } from '../integration/marc/marc.routes.js';
import { notificationsRoutes } from '../notifications/notifications.routes.js';
import { applicationsRoutes } from '../applications/applications.routes.js';
import { changeRequestsRoutes } from '../change-requests/change-requests.routes.js';
import { depositRoutes } from '../deposit/deposit.routes.js';
import { audioDepositRoutes } from '../deposit/audio-deposit.routes.js';
import { fixityRoutes } from '../fixity/fixity.routes.js';
import { jobsRoutes } from '../jobs/jobs.routes.js';
import { searchRoutes } from '../search/search.routes.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { importRoutes } from '../import/import.routes.js';
import { templateRoutes } from '../import/template.routes.js';
import { apiTokensRoutes } from '../api-tokens/api-tokens.routes.js';
import { publicSearchRoutes } from '../public-search/public-search.routes.js';
import { statsRoutes } from '../stats/stats.routes.js';
import { usedDesignationsRoutes } from '../used-designations/used-designations.routes.js';
import type { ServiceContext } from '../db/context.js';
import { AppError } from '../shared/errors.js';
import { localeFromAcceptLanguage } from '../shared/locale.js';
import { registerAuth } from './auth.js';
import { BODY_DEADLINE_MS, deferContinue, registerBodyDeadline } from './body-deadline.js';
import { registerCsrfCheck } from './csrf.js';
import { registerNoStore, registerSecurityHeaders } from './security-headers.js';
import { registerIdempotency } from './idempotency.js';
import { errorHandler, sendError } from './error-handler.js';
import { clientErrorHandler } from './client-error.js';
import { registerJsonBody } from './json-body.js';
import { healthRoutes } from './health.routes.js';
import { registerMetrics, type MetricsAccess } from './metrics.js';
import type { PrometheusMetrics } from '../metrics/prometheus.js';
import { migrationStatus } from '../db/migration-status.js';
import { registerRequestLog } from './logging.js';
import { registerRequestIdHeader, requestIdOf } from './request-id.js';
import { registerOpenApi } from './openapi.js';
import { registerWeb } from './static.js';
import { registerInputGuards } from './text-guard.js';
import { registerDecimalNumbers } from './decimal-query.js';
import { RouteMethods } from './route-methods.js';
import type { AppInstance } from './types.js';

export interface AppOptions {
  ctx: ServiceContext;
  /** Directory of the built web app; omitted in API-only tests. */
  webDir?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  /** One log entry per answered request at this level (see logging.ts); omitted: Fastify's own request logging. */
  requestLogLevel?: 'info' | 'debug' | undefined;
  trustProxy?: string | undefined;
  /** PUBLIC_URL: the address users reach the registry at; its origin passes the CSRF check (csrf.ts). */
  publicUrl?: string | undefined;
  /** Route and domain metrics, served at /metrics to METRICS_ALLOW or METRICS_TOKEN; omitted: none. */
  metrics?: { prometheus: PrometheusMetrics; access: MetricsAccess } | undefined;
  /** True once shutdown has begun: /readyz answers 503 so a proxy stops sending requests. */
  draining?: (() => boolean) | undefined;
  /** A connection that sends and receives nothing for this long is closed (default CONNECTION_IDLE_MS). */
  connectionIdleMs?: number | undefined;
  /** A request body (but an upload's) must have arrived this long after the request began (default BODY_DEADLINE_MS). */
  bodyDeadlineMs?: number | undefined;
}

/** JSON bodies are small; file uploads (later) get their own streaming limits. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/**
 * A connection silent this long is closed: a client that opens a request and then trickles nothing
 * (slowloris, a stalled upload) must not hold a socket and a request forever. Uploads and downloads
 * that move bytes, and long answers that stream progress, never sit idle this long. There is no
 * limit on a whole upload's duration: a 500 MB upload over a slow line may take an hour. Other
 * bodies have BODY_DEADLINE_MS (body-deadline.ts).
 */
export const CONNECTION_IDLE_MS = 120_000;

export async function buildApp(options: AppOptions): Promise<AppInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Our own request log replaces Fastify's pair of lines (registerRequestLog).
    ...(options.requestLogLevel === undefined ? {} : { logController: new LogController({ disableRequestLogging: true }) }),
    bodyLimit: BODY_LIMIT_BYTES,
    connectionTimeout: options.connectionIdleMs ?? CONNECTION_IDLE_MS,
    trustProxy: options.trustProxy ?? false,
    // A sane X-Request-Id from the proxy (or client) is kept, so its lines and ours correlate.
    genReqId: requestIdOf,
    // Bad percent-encoding in the path, or a path parameter over the router's length limit: our error shape, not Fastify's.
    frameworkErrors: (err, request, reply) => {
      void errorHandler(err, request, reply);
    },
    // A request Node itself could not read (bad framing, headers too large or too slow): our error shape too.
    clientErrorHandler,
    ajv: {
      // Unknown fields are errors (not silently dropped), and every problem is reported at once.
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  // Before any route or plugin context, which take the parsers there are when they are made.
  registerJsonBody(app);
  // Before any route: the API's paths and their methods, for 405 and OPTIONS (route-methods.ts).
  const routeMethods = new RouteMethods();
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/')) {
      routeMethods.add(route);
    }
  });
  registerRequestIdHeader(app);
  // First: a request refused by the hooks below (CSRF, authentication) is covered too.
  registerBodyDeadline(app, options.bodyDeadlineMs ?? BODY_DEADLINE_MS);
  deferContinue(app.server);
  if (options.requestLogLevel !== undefined) {
    registerRequestLog(app, options.requestLogLevel);
  }
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app);
  registerNoStore(app);
  registerCsrfCheck(app, { publicUrl: options.publicUrl });
  registerAuth(app, options.ctx, { publicUrl: options.publicUrl });
  registerIdempotency(app, options.ctx);
  // After the request decorations above (user, idempotencyClaim, …): a plugin context made before a
  // decoration sees it as undefined, not its null default. Before the number rule's onRoute hook, so
  // the document shows each route's schema as written.
  await registerOpenApi(app);
  registerInputGuards(app);
  registerDecimalNumbers(app);

  if (options.metrics !== undefined) {
    // Before the routes: fastify-metrics learns the route templates as they are added.
    await registerMetrics(app, options.metrics.prometheus, options.metrics.access);
  }
  const storage = options.ctx.storage;
  healthRoutes(app, {
    database: async () => {
      await options.ctx.db.execute(sql`select 1`);
    },
    storage:
      storage === undefined
        ? undefined
        : async () => {
            await storage.exists('readyz-probe');
          },
    migrations: () => migrationStatus(options.ctx.db),
    draining: options.draining,
  });
  await app.register(
    (api: AppInstance, _opts, done) => {
      const features = [
        authRoutes,
        usersRoutes,
        registrantsRoutes,
        settingsRoutes,
        allocationRoutes,
        albumsRoutes,
        tracksRoutes,
        coversRoutes,
        trackAudioRoutes,
        tusUploadsRoutes,
        reviewRoutes,
        apiTokensRoutes,
        ddexRoutes,
        marcRoutes,
        publicSearchRoutes,
        importRoutes,
        templateRoutes,
      ];
      const backOffice = [
        notificationsRoutes,
        applicationsRoutes,
        changeRequestsRoutes,
        depositRoutes,
        audioDepositRoutes,
        fixityRoutes,
        jobsRoutes,
        searchRoutes,
        auditRoutes,
        statsRoutes,
        usedDesignationsRoutes,
      ];
      registerAudioWarningLocale(api);
      for (const routes of [...features, ...backOffice]) {
        routes(api, { ctx: options.ctx });
      }
      done();
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = options.webDir !== undefined && (await registerWeb(app, options.webDir));
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && !['/healthz', '/readyz', '/metrics'].includes(request.url);
    if (hasWeb && wantsPage) {
      return reply.type('text/html').sendFile('index.html');
    }
    const locale = localeFromAcceptLanguage(request.headers['accept-language']);
    const allowed = request.url.startsWith('/api/') ? routeMethods.allowed(request.url) : [];
    // A route of this very method that found nothing (a missing file under /api/docs/static) is a 404.
    if (allowed.length === 0 || (request.method !== 'OPTIONS' && allowed.includes(request.method))) {
      return sendError(reply, new AppError('ROUTE_NOT_FOUND'), locale);
    }
    void reply.header('allow', allowed.join(', '));
    // OPTIONS asks which methods the address takes; no CORS here, the app and its API share one origin.
    return request.method === 'OPTIONS' ? reply.code(204).send() : sendError(reply, new AppError('METHOD_NOT_ALLOWED', { allowed }), locale);
  });
  return app;
}
