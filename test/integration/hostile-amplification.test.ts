import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_FIELDS } from '../../src/http/validation.js';
import { realClock, useTestApp } from '../helpers/setup.js';

/**
 * A small request must not buy a large answer: anonymous bodies and query strings full of unknown
 * fields get VALIDATION_FAILED naming at most MAX_REPORTED_FIELDS of them.
 */

const env = useTestApp(realClock);

interface Failure {
  error: { code: string; details: { fields: { field: string; code: string; message: string }[] } };
}

describe('answers no larger than the question', () => {
  it('names at most 20 fields for a body of 20,000 unknown keys, anonymously', async () => {
    const body = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1]));
    for (const url of ['/api/v1/auth/login', '/api/v1/applications']) {
      const res = await env.app.inject({ method: 'POST', url, payload: body, headers: { 'accept-language': 'en' } });
      expect(res.statusCode, url).toBe(400);
      const answer = res.json<Failure>();
      expect(answer.error.code).toBe('VALIDATION_FAILED');
      expect(answer.error.details.fields).toHaveLength(MAX_REPORTED_FIELDS);
      expect(res.body.length, url).toBeLessThan(10_000);
    }
  });

  it('names at most 20 fields for a query string of 1,000 unknown parameters', async () => {
    const query = Array.from({ length: 1000 }, (_, i) => `p${i}=1`).join('&');
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/public/isrc-search?q=TW&${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json<Failure>().error.details.fields.length).toBeLessThanOrEqual(MAX_REPORTED_FIELDS);
    expect(res.body.length).toBeLessThan(10_000);
  });
});
