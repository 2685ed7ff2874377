import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlbumPage, AlbumResponse, CitableRecording } from '../../src/catalog/catalog.schemas.js';
import { DEMO_USERS, DemoRefusedError, seedDemo } from '../../src/bootstrap/demo-seed.js';
import { createRegistrant } from '../../src/registrants/registrants.service.js';
import { ensureFirstAdmin, FIRST_ADMIN_LOGIN } from '../../src/bootstrap/first-admin.js';
import { DataDirLockedError, lockDataDir } from '../../src/db/pglite-lock.js';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';

const env = useTestApp(realClock);

describe('first start', () => {
  it('creates the administrator once, with a generated password that works', async () => {
    const first = await ensureFirstAdmin(env.ctx, undefined);
    expect(first.created).toBe(true);
    expect(first.generatedPassword?.length).toBeGreaterThanOrEqual(12);
    await loginCookie(env.app, FIRST_ADMIN_LOGIN, first.generatedPassword ?? '');
    const second = await ensureFirstAdmin(env.ctx, undefined);
    expect(second).toEqual({ created: false });
  });

  it('seeds demo registrants once, marked as demo, whose users can log in', async () => {
    expect(await seedDemo(env.ctx)).toBe(true);
    expect(await seedDemo(env.ctx)).toBe(false);
    const cookie = await loginCookie(env.app, DEMO_USERS.company.loginName, DEMO_USERS.company.password);
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json<{ registrant: { isDemo: boolean; kind: string; name: string } }>().registrant).toMatchObject({ isDemo: true, kind: 'company' });
    const person = await loginCookie(env.app, DEMO_USERS.individual.loginName, DEMO_USERS.individual.password);
    const personMe = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: person } });
    expect(personMe.json<{ registrant: { kind: string } }>().registrant.kind).toBe('individual');
    const alloc = await env.app.inject({ method: 'POST', url: '/api/v1/allocations', headers: { cookie }, payload: { count: 1 } });
    expect(alloc.statusCode).toBe(201);
  });

  it('seeds a small catalogue for both demo registrants, in every review state, through the real services', async () => {
    const get = async <T>(cookie: string, url: string): Promise<T> => {
      const res = await env.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<T>();
    };
    for (const login of [DEMO_USERS.company, DEMO_USERS.individual]) {
      const cookie = await loginCookie(env.app, login.loginName, login.password);
      const { items } = await get<AlbumPage>(cookie, '/albums?view=all&pageSize=50');
      expect(new Set(items.map((a) => a.status)), login.loginName).toEqual(new Set(['draft', 'submitted', 'approved', 'returned']));
      for (const summary of items) {
        expect(summary.title, login.loginName).toMatch(/^【示範】/);
        const album = await get<AlbumResponse>(cookie, `/albums/${summary.id}`);
        expect(album.tracks.length, album.title).toBeGreaterThan(0);
        for (const track of album.tracks) {
          expect(track.recording.title).toMatch(/^【示範】/);
        }
        if (album.status === 'returned') {
          expect(album.returnReason ?? '', album.title).toMatch(/^【示範】.{10,}/);
        }
        if (album.status === 'approved' || album.status === 'submitted') {
          expect(
            album.tracks.every((t) => t.recording.isrc !== null),
            `${album.title}: every track has its ISRC`,
          ).toBe(true);
        }
      }
      // 引用: the approved recordings can be cited from a new album.
      const approved = items.find((a) => a.status === 'approved');
      const approvedAlbum = await get<AlbumResponse>(cookie, `/albums/${approved?.id ?? ''}`);
      const firstTitle = approvedAlbum.tracks[0]?.recording.title ?? '';
      const citable = await get<CitableRecording[]>(cookie, `/recordings/citable?q=${encodeURIComponent(firstTitle.replace('【示範】', ''))}`);
      expect(citable.length, `${login.loginName} can cite "${firstTitle}"`).toBeGreaterThan(0);
    }
    // The company's draft already cites one of its approved recordings.
    const company = await loginCookie(env.app, DEMO_USERS.company.loginName, DEMO_USERS.company.password);
    const drafts = await get<AlbumPage>(company, '/albums?view=todo&pageSize=50');
    const draftIds = drafts.items.filter((a) => a.status === 'draft').map((a) => a.id);
    const cites = await Promise.all(draftIds.map(async (id) => (await get<AlbumResponse>(company, `/albums/${id}`)).tracks.some((t) => t.cited)));
    expect(cites).toContain(true);

    // The demo officer reviews: both registrants' submitted albums wait in 審核中專輯.
    const officer = await loginCookie(env.app, DEMO_USERS.officer.loginName, DEMO_USERS.officer.password);
    const me = await get<{ user: { role: string } }>(officer, '/auth/me');
    expect(me.user.role).toBe('agency_officer');
    const review = await get<AlbumPage>(officer, '/albums?view=review&pageSize=50');
    expect(review.items.filter((a) => a.title.startsWith('【示範】'))).toHaveLength(2);
  });

  it('refuses to seed demo data next to real registrants', async () => {
    await createRegistrant(env.ctx, null, { kind: 'company', name: '真實唱片有限公司' });
    await expect(seedDemo(env.ctx)).rejects.toThrow(DemoRefusedError);
    await expect(seedDemo(env.ctx)).rejects.toThrow(/1 real \(non-demo\) registrant/);
  });
});

describe('embedded database lock', () => {
  it('refuses a second holder and takes over a stale lock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-lock-'));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    fs.writeFileSync(path.join(dir, 'pglite.lock'), '999999999');
    const again = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    again();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a second server on the same data directory exits with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-lock-'));
    fs.writeFileSync(path.join(dir, 'pglite.lock'), String(process.pid));
    const childEnv = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'silent' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`is in use by process ${process.pid}`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
