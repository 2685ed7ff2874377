import { describe, expect, it } from 'vitest';
import { textDestination, textLine } from './logging.js';

describe(textLine.name, () => {
  it('makes one human line of a pino entry, a request compact, an error with its stack below', () => {
    const at = new Date(2026, 5, 15, 9, 5, 7).getTime();
    expect(textLine({ level: 40, time: at, pid: 1, hostname: 'h', msg: 'web app not built' })).toBe('09:05:07 WARN  web app not built\n');
    expect(textLine({ level: 20, time: at, reqId: 'r1', msg: 'request', method: 'GET', url: '/api/v1/agency', statusCode: 200, ms: 3, ip: '127.0.0.1' })).toBe(
      '09:05:07 DEBUG GET /api/v1/agency 200 3 ms req=r1\n',
    );
    expect(textLine({ level: 30, time: at, msg: 'shutting down', signal: 'SIGTERM' })).toBe('09:05:07 INFO  shutting down signal=SIGTERM\n');
    const error = textLine({ level: 50, time: at, msg: 'unhandled error', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at x (y.ts:1:1)' } });
    expect(error).toBe('09:05:07 ERROR unhandled error\n    Error: boom\n        at x (y.ts:1:1)\n');
  });

  it('passes through what is not JSON', () => {
    const written: string[] = [];
    textDestination({ write: (text) => written.push(text) }).write('not json\n');
    expect(written).toEqual(['not json\n']);
  });
});
