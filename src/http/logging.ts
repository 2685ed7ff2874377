import type { FastifyServerOptions } from 'fastify';
import type { AppInstance } from './types.js';

export type LogFormat = 'json' | 'text';

/** Anything pino can write its lines to (a stream, or an object with `write`). */
export interface LineSink {
  write(text: string): unknown;
}

const LEVEL_NAMES: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** Fields a human line leaves out or shows its own way: pino's own, the request id and the address (kept in JSON logs). */
const QUIET_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'v', 'reqId', 'ip', 'err', 'method', 'url', 'statusCode', 'ms']);

function clockTime(epochMs: unknown): string {
  const at = typeof epochMs === 'number' ? new Date(epochMs) : new Date();
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function fieldText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * One pino JSON entry as one human line (`14:03:12 WARN  message key=value`), a request as
 * `GET /api/v1/agency 200 3 ms`, and an error's stack indented below it.
 */
export function textLine(entry: Readonly<Record<string, unknown>>): string {
  const level = typeof entry.level === 'number' ? (LEVEL_NAMES[entry.level] ?? String(entry.level)) : 'INFO';
  const parts = [clockTime(entry.time), level.padEnd(5)];
  if (typeof entry.method === 'string' && typeof entry.url === 'string') {
    parts.push(entry.method, entry.url, fieldText(entry.statusCode), `${fieldText(entry.ms)} ms`);
  } else if (typeof entry.msg === 'string') {
    parts.push(entry.msg);
  }
  // Every line about a request names it, as the X-Request-Id header and error bodies do.
  if (typeof entry.reqId === 'string') {
    parts.push(`req=${entry.reqId}`);
  }
  for (const [key, value] of Object.entries(entry)) {
    if (!QUIET_FIELDS.has(key) && value !== undefined) {
      parts.push(`${key}=${fieldText(value)}`);
    }
  }
  let line = parts.join(' ');
  const err = entry.err;
  if (typeof err === 'object' && err !== null) {
    const stack = 'stack' in err && typeof err.stack === 'string' ? err.stack : 'message' in err ? fieldText(err.message) : fieldText(err);
    line += `\n${stack
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n')}`;
  }
  return `${line}\n`;
}

/** A pino destination that writes human lines (`LOG_FORMAT=text`, the default outside production). */
export function textDestination(out: LineSink): LineSink {
  return {
    write(chunk: string) {
      for (const raw of chunk.split('\n')) {
        if (raw.trim() === '') {
          continue;
        }
        try {
          out.write(textLine(JSON.parse(raw) as Record<string, unknown>));
        } catch {
          out.write(`${raw}\n`);
        }
      }
    },
  };
}

/** Fastify's logger: pino JSON lines, or human lines on `out`. */
export function loggerOptions(level: string, format: LogFormat, out: LineSink = process.stdout): NonNullable<FastifyServerOptions['logger']> {
  return format === 'json' ? { level } : { level, stream: textDestination(out) };
}

/**
 * One log entry per request, when it has been answered, at `level`: `info` in production (every
 * request is worth keeping), `debug` in development (so the console keeps the start-up lines,
 * the first administrator password above all, in view). Fastify's own pair of request lines is off
 * (`disableRequestLogging` in buildApp).
 */
export function registerRequestLog(app: AppInstance, level: 'info' | 'debug'): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log[level]({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime), ip: request.ip }, 'request');
    done();
  });
}
