import type { IncomingMessage } from 'node:http';
import type { AppInstance } from './types.js';

/** The header a request id arrives in (from a proxy or a client) and is echoed in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An incoming id is kept only when it looks like one (letters, digits and `._:-`, 8–128
 * characters): it is written into every log line of the request, so it must not carry line
 * breaks, markup or megabytes. Anything else gets a fresh UUID.
 */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdOf(raw: IncomingMessage): string {
  const incoming = raw.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** Every answer names its request id, so a user's report can be matched with the log lines. */
export function registerRequestIdHeader(app: AppInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
}
