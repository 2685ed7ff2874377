import type { Server } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.js';
import { hasBody } from './auth.js';
import type { AppInstance } from './types.js';

/**
 * How long a request's body may take to arrive, from the start of the request (its headers read):
 * a JSON or form body is at most 1 MB, which even a slow line sends in seconds. Without it a client
 * trickling a byte every minute holds its connection (and the parser) forever — the idle limit
 * (CONNECTION_IDLE_MS) only ends a connection that sends nothing at all.
 */
export const BODY_DEADLINE_MS = 30_000;

/**
 * Bodies streamed by their routes, exempt from the deadline: multipart uploads (covers, audio,
 * workbooks, scans; up to 500 MB) and tus PATCH requests. Only routes that registered a parser for
 * them read them (authenticated routes; the rest answer 415 without reading, and the deadline then
 * ends the connection if the client keeps sending).
 */
const STREAMED_BODY = /^\s*(?:multipart\/|application\/offset\+octet-stream\b)/i;

interface Deadline {
  timer: NodeJS.Timeout;
  /** Set while the body is being read by a content-type parser through our stream: fails it (408). */
  fail?: () => void;
}

const deadlines = new WeakMap<FastifyRequest, Deadline>();

function isStreamedBody(request: FastifyRequest): boolean {
  return STREAMED_BODY.test(request.headers['content-type'] ?? '');
}

function expectsContinue(request: FastifyRequest): boolean {
  return /^\s*100-continue\s*$/i.test(request.headers.expect ?? '');
}

/**
 * Node answers `Expect: 100-continue` with 100 Continue as soon as the headers are read, before any
 * hook: an anonymous caller of a private route was invited to send its body. With this listener
 * the request goes on without it, and the preParsing hook below sends 100 Continue once the
 * request passed authentication (onRequest) and its body is about to be read.
 */
export function deferContinue(server: Server): void {
  server.on('checkContinue', (req, res) => {
    server.emit('request', req, res);
  });
}

/**
 * The deadline for a request's body (see BODY_DEADLINE_MS). When it passes with the body still
 * coming: while a parser reads it, the request is answered 408 REQUEST_TIMEOUT and the connection
 * closed; when the request was already answered (refused before its body was read, which Node
 * then reads and discards), the connection is closed. Register before the authentication hook, so
 * a request refused there is covered too.
 */
export function registerBodyDeadline(app: AppInstance, deadlineMs: number = BODY_DEADLINE_MS): void {
  app.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw;
    if (!hasBody(request) || raw.complete) {
      done();
      return;
    }
    const deadline: Deadline = {
      timer: setTimeout(
        () => {
          if (raw.complete || raw.readableEnded) {
            return;
          }
          if (deadline.fail !== undefined) {
            deadline.fail();
          } else if (reply.raw.headersSent || reply.sent || !isStreamedBody(request)) {
            // Answered already (Node reads and discards the rest), or neither read nor answered (a body on a
            // route that takes none, still being handled): the connection ends (destroying an unfinished request does).
            raw.destroy();
          }
        },
        Math.max(0, deadlineMs - reply.elapsedTime),
      ),
    };
    deadline.timer.unref();
    deadlines.set(request, deadline);
    // Not stopped by the answer: a request answered before its body (refused, 415) may still trickle it in.
    raw.once('end', () => clearTimeout(deadline.timer));
    raw.once('close', () => clearTimeout(deadline.timer));
    done();
  });
  app.addHook('preParsing', (request, reply, payload, done) => {
    const raw = request.raw;
    if (expectsContinue(request) && !reply.raw.headersSent) {
      reply.raw.writeContinue();
    }
    const deadline = deadlines.get(request);
    if (deadline === undefined || isStreamedBody(request)) {
      done(null, payload);
      return;
    }
    // Read through a stream of our own, so the deadline can fail the parser's read (the parser
    // answers its error, with Connection: close) without destroying the socket under the answer.
    const body = new PassThrough();
    const source: Readable = payload;
    // The parser listens for errors while it reads; this keeps one with no reader from being thrown.
    body.on('error', () => undefined);
    source.on('error', (err) => body.destroy(err));
    source.pipe(body);
    deadline.fail = () => {
      if (body.listenerCount('data') === 0) {
        // No parser is reading (the route answered without the body, or the parser gave up on it).
        raw.destroy();
        return;
      }
      source.unpipe(body);
      body.destroy(new AppError('REQUEST_TIMEOUT'));
    };
    // Answered without the body being read (415, a route that takes none): let Node discard the rest,
    // as it would have without our stream, so a keep-alive connection serves its next request.
    reply.raw.once('finish', () => {
      if (!raw.complete && body.listenerCount('data') === 0) {
        source.unpipe(body);
        source.resume();
      }
    });
    done(null, body);
  });
}
