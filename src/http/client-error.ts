import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AppError, type ErrorCode } from '../shared/errors.js';
import { errorBody, statusOf } from './error-handler.js';

/** Node's reason for refusing a request it could not read, as our code. */
function codeOf(err: NodeJS.ErrnoException): ErrorCode {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return 'REQUEST_TIMEOUT';
  }
  return err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'MALFORMED_REQUEST';
}

/**
 * Fastify's `clientErrorHandler`: Node refuses a request it cannot read (a bad chunk size, a
 * negative Content-Length, folded headers, NUL in a header, headers too large or too slow) before
 * any route or hook. The answer has the API's error shape (`{ error: { code, message } }`, in
 * English: the Accept-Language header may be what could not be read) and the security headers that
 * matter for a JSON error, and the connection is closed, as Node and Fastify do.
 */
export function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  // A connection reset: nobody is there to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  const code = codeOf(err);
  this.log.debug({ err: { message: err.message, code: err.code } }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(errorBody(new AppError(code), 'en'));
    const status = statusOf(code);
    socket.write(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        'X-Content-Type-Options: nosniff',
        'X-Frame-Options: DENY',
        "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
        'Referrer-Policy: same-origin',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  }
  socket.destroy();
}
