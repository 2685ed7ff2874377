import net from 'node:net';
import { timingSafeEqual, createHash } from 'node:crypto';
import fastifyMetricsModule from 'fastify-metrics';
import * as promClient from 'prom-client';
import type { FastifyRequest } from 'fastify';
import type { PrometheusMetrics } from '../metrics/prometheus.js';
import type { AppInstance } from './types.js';

export interface MetricsAccess {
  /** Addresses and CIDR ranges (METRICS_ALLOW) that may read /metrics without a token. */
  readonly allow: readonly string[];
  /** METRICS_TOKEN, as `Authorization: Bearer …`. */
  readonly token?: string | undefined;
}

function blockListOf(entries: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = net.isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) {
      list.addAddress(address, type);
    } else {
      list.addSubnet(address, Number(prefix), type);
    }
  }
  return list;
}

/** `::ffff:10.0.0.5` (an IPv4 client on a dual-stack socket) is checked as 10.0.0.5. */
function allowed(list: net.BlockList, ip: string): boolean {
  const plain = ip.startsWith('::ffff:') && net.isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  const family = net.isIP(plain);
  return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** 'serve', or how to refuse: 404 hides /metrics from strangers, 403 answers a wrong token. */
function decide(request: FastifyRequest, list: net.BlockList, token: string | undefined): 'serve' | 403 | 404 {
  if (allowed(list, request.ip)) {
    return 'serve';
  }
  const header = request.headers.authorization;
  const bearer = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
  if (token === undefined || bearer === undefined) {
    return 404;
  }
  return sameSecret(bearer, token) ? 'serve' : 403;
}

/**
 * Request rate and latency by route template (fastify-metrics, histogram only) in the app's own
 * registry, and `/metrics` for the addresses in METRICS_ALLOW or a caller with METRICS_TOKEN.
 */
// A CommonJS module compiled from `export default`: Node's ESM loader hands over its exports object.
const fastifyMetrics = fastifyMetricsModule.default;

export async function registerMetrics(app: AppInstance, metrics: PrometheusMetrics, access: MetricsAccess): Promise<void> {
  const registers = [metrics.registry];
  await app.register(fastifyMetrics, {
    endpoint: null,
    defaultMetrics: { enabled: false },
    routeMetrics: {
      enabled: { histogram: true, summary: false },
      routeBlacklist: ['/metrics', '/healthz', '/readyz'],
      overrides: { histogram: { registers, buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] } },
    },
    promClient,
  });
  const list = blockListOf(access.allow);
  app.get('/metrics', { schema: { hide: true }, config: { public: true }, logLevel: 'warn' }, async (request, reply) => {
    const verdict = decide(request, list, access.token);
    if (verdict !== 'serve') {
      // Plain and short: a scraper or a stranger, not a user of the web app.
      return reply
        .code(verdict)
        .type('text/plain; charset=utf-8')
        .send(verdict === 404 ? 'Not Found\n' : 'Forbidden\n');
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
