import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.js';
import type { AppInstance } from './types.js';

/** `charset` of a Content-Type header (unquoted, lower case), or undefined when none is given. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  return match === null ? undefined : (match[1] ?? match[2] ?? '').toLowerCase();
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are UTF-8 (RFC 8259 §8.1), and only UTF-8: Fastify's own parser ignores a declared
 * charset and turns bytes that are not UTF-8 into U+FFFD, which then got stored ("Caf\xe9" became
 * "Caf�"). Here another declared charset is 415 UNSUPPORTED_MEDIA_TYPE and bytes that are not
 * UTF-8 are MALFORMED_REQUEST, like any unreadable body. The rest is Fastify's parser, unchanged:
 * the body limit, a leading BOM skipped, an empty body refused, `__proto__` and `constructor.prototype`
 * keys refused.
 *
 * Fastify's text/plain parser is removed: no route takes plain text, and such a body on a JSON
 * route was "(body) must be object" instead of 415.
 */
export function registerJsonBody(app: AppInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer | string, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(new AppError('UNSUPPORTED_MEDIA_TYPE'), undefined);
      return;
    }
    let text: string;
    try {
      text = typeof body === 'string' ? body : UTF8.decode(body);
    } catch {
      done(new AppError('MALFORMED_REQUEST'), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
}
