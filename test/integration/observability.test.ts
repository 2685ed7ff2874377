import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { buildApp } from '../../src/http/app.js';
import type { AppInstance } from '../../src/http/types.js';
import { readQueueLevels } from '../../src/metrics/metrics.repo.js';
import { createPrometheusMetrics } from '../../src/metrics/prometheus.js';
import { loginCookie } from '../helpers/app.js';
import { approvedAlbum, client, completeAlbumFields, completeRecording, createAlbum, addTrack, ok, type Client, type MemberSession } from '../helpers/catalog.js';
import { newRegistrant, newStaff, TEST_PASSWORD } from '../helpers/factories.js';
import { testContext } from '../helpers/context.js';
import { useTestApp, type TestEnv } from '../helpers/setup.js';
import { image, putCover } from './covers-fixtures.js';

const base = useTestApp();
const TOKEN = 'scrape-token-0123456789';
let app: AppInstance;
let env: TestEnv;
let clockMs = 0;

beforeAll(async () => {
  const prometheus = createPrometheusMetrics({ readLevels: () => readQueueLevels(base.ctx.db), now: () => clockMs, processMetrics: false });
  const ctx = { ...base.ctx, metrics: prometheus.domain };
  // Only one loopback address may scrape without the token: light-my-request comes from 127.0.0.1.
  app = await buildApp({ ctx, metrics: { prometheus, access: { allow: ['10.0.0.0/8'], token: TOKEN } } });
  await app.ready();
  env = { ...base, ctx, app };
});
afterAll(async () => {
  await app.close();
});

async function scrape(): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.body;
}

/** The value of one sample, e.g. `isrc_review_decisions_total{decision="approved"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('request ids', () => {
  it('gives every answer an id, keeps a sane incoming one, and puts it in error bodies', async () => {
    const fresh = await app.inject({ method: 'GET', url: '/api/v1/no-such-route' });
    const id = fresh.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.json<{ error: { requestId: string } }>().error.requestId).toBe(id);
    const kept = await app.inject({ method: 'GET', url: '/api/v1/agency', headers: { 'x-request-id': 'nginx-4f2a9c1e.17' } });
    expect(kept.headers['x-request-id']).toBe('nginx-4f2a9c1e.17');
    for (const hostile of ['short', 'x'.repeat(200), 'two words here', '<script>alert(1)</script>']) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/agency', headers: { 'x-request-id': hostile } });
      expect(res.headers['x-request-id'], hostile).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('/metrics', () => {
  it('is hidden from addresses not allowed and refuses a wrong token', async () => {
    const none = await app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(404);
    expect(none.body).not.toContain('http_request');
    const wrong = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.statusCode).toBe(403);
    const allowed = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(allowed.statusCode).toBe(200);
  });

  it('counts requests by route template and the work the services did', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    const session: MemberSession = { member, api: client(env, await loginCookie(app, member.loginName, TEST_PASSWORD)) };
    const staff: Client = client(env, await loginCookie(app, (await newStaff(env.ctx, 'agency_officer')).loginName, TEST_PASSWORD));
    const album = await approvedAlbum(session, staff, '晨光', ['第一道光', '海風']);
    // A second album waits for review.
    const waiting = await createAlbum(session.api, completeAlbumFields('等待'));
    await addTrack(session.api, waiting.id, completeRecording('一首'), { mode: 'next' });
    const cover = await image('png', 40, 30);
    ok(await putCover(env, session.api, waiting.id, 'cover.png', cover));
    ok(await session.api.call('POST', `/albums/${waiting.id}/submit`));
    clockMs += 60_000;

    const text = await scrape();
    expect(sample(text, 'isrc_isrcs_allocated_total{source="next"}')).toBe(3);
    expect(sample(text, 'isrc_album_submissions_total')).toBe(2);
    expect(sample(text, 'isrc_review_decisions_total{decision="approved"}')).toBe(1);
    expect(sample(text, 'isrc_albums_awaiting_review')).toBe(1);
    expect(sample(text, 'isrc_email_queue_depth')).toBe(0);
    // The cover as uploaded (its thumbnail is made by the server, not received).
    expect(sample(text, 'isrc_upload_bytes_total')).toBe(cover.length);
    // Route templates, never raw URLs with ids in them.
    expect(sample(text, 'http_request_duration_seconds_count{method="POST",route="/api/v1/albums/:id/submit",status_code="200"}')).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_count{method="POST",route="/api/v1/albums/:id/approve",status_code="200"}')).toBe(1);
    expect(text).not.toContain(album.id);
    expect(text).not.toContain('route="/metrics"');
  });

  it('reads the database gauges at most every few seconds', async () => {
    clockMs += 60_000;
    await scrape();
    const staff = client(env, await loginCookie(app, (await newStaff(env.ctx, 'agency_officer')).loginName, TEST_PASSWORD));
    const queue = ok(await staff.call('GET', '/review/queue?pageSize=50')).json<{ items: { id: string }[] }>();
    for (const item of queue.items) {
      ok(await staff.call('POST', `/albums/${item.id}/approve`));
    }
    expect(sample(await scrape(), 'isrc_albums_awaiting_review')).toBe(1);
    clockMs += 6000;
    expect(sample(await scrape(), 'isrc_albums_awaiting_review')).toBe(0);
  });
});

describe('health', () => {
  it('says alive without the database, and ready when database, storage and migrations are', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'ok', storage: 'ok', migrations: { status: 'current' }, shuttingDown: false });
  });

  it('is not ready on a database without the committed migrations', async () => {
    const bare = await openDatabase({ kind: 'pglite-memory' });
    const bareApp = await buildApp({ ctx: testContext(bare) });
    try {
      const res = await bareApp.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'not ready', database: 'ok', storage: 'not configured', migrations: { status: 'not current', applied: 0 } });
      expect((await bareApp.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await bareApp.close();
      await bare.close();
    }
  });
});
