import type { RouteOptions } from 'fastify';

/**
 * Which methods each registered path answers, so a request with another method gets 405 with an
 * `Allow` header (RFC 9110 §15.5.6) instead of 404 — a client that sends PUT where PATCH is meant
 * learns that the address is right and the method wrong — and OPTIONS gets the list itself.
 * Learnt from Fastify's onRoute hook, so it can never drift from the routes.
 */

interface PathMethods {
  pattern: RegExp;
  methods: Set<string>;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A Fastify route path (`/albums/:id/tracks`, `/uploads/*`) as a regular expression of concrete paths. */
export function routePattern(url: string): RegExp {
  const segments = url.split('/').map((segment) => {
    if (segment === '*') {
      return '.*';
    }
    // A parameter takes the whole segment; a segment mixing text and parameters takes any text.
    return segment.includes(':') ? '[^/]+' : escapeRegExp(segment);
  });
  return new RegExp(`^${segments.join('/')}$`);
}

export class RouteMethods {
  private readonly byUrl = new Map<string, PathMethods>();

  add(route: Pick<RouteOptions, 'url' | 'method'>): void {
    let entry = this.byUrl.get(route.url);
    if (entry === undefined) {
      entry = { pattern: routePattern(route.url), methods: new Set() };
      this.byUrl.set(route.url, entry);
    }
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      entry.methods.add(method.toUpperCase());
    }
  }

  /** The methods some route answers at this concrete path (query string ignored), sorted; empty when none. */
  allowed(url: string): string[] {
    const path = url.split('?')[0] ?? '';
    const methods = new Set<string>();
    for (const entry of this.byUrl.values()) {
      if (entry.pattern.test(path)) {
        entry.methods.forEach((m) => methods.add(m));
      }
    }
    if (methods.has('GET')) {
      methods.add('HEAD');
    }
    if (methods.size > 0) {
      methods.add('OPTIONS');
    }
    return [...methods].sort();
  }
}
