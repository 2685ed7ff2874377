import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { ApiSession, seedRegistrant, type SeededMember } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, openFlow, unauthorized, visible, waitUntil, type Flow } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * Covers and audio in English: a company switches the interface to English, uploads a cover and a
 * track's audio (a wav made with sox) and reads every message in English; then the read-only cover of
 * an approved album (the image and its size, no button to replace or remove it).
 */

const run = promisify(execFile);
const MEMBER = { loginName: 'english.media', password: 'english media member', displayName: 'Grace Lin' };
const DRAFT_TITLE = 'Morning Tide';
const APPROVED_TITLE = 'Evening Tide';
const TRACK_TITLE = 'First Light';

let server: RunningServer;
let browser: Browser;
let company: SeededMember;
let draftId = '';
let approvedId = '';
let dir = '';

async function png(width: number, height: number, background: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
}

/** PUT a cover through the API as the web does (multipart), before the album goes for review. */
async function putCover(session: ApiSession, albumId: string, bytes: Buffer): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'cover.png');
  const res = await fetch(`${server.baseUrl}/api/v1/albums/${albumId}/cover`, { method: 'PUT', headers: { cookie: session.cookieHeader() }, body: form });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-english-e2e-'));
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  company = await seedRegistrant(admin, 'company', '潮汐音樂有限公司', MEMBER);
  const member = await ApiSession.login(server.baseUrl, company.loginName, company.password);
  const credits = [{ role: 'performer', names: ['潮汐樂團'] }];
  const fields = { credits, publisher: '潮汐音樂', releaseDate: '2025.05.01', productionCompany: '潮汐製作', albumType: 'single' };
  const recording = { title: TRACK_TITLE, credits, productionCompany: '潮汐製作', duration: '0:00:03' };

  const draft = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  draftId = draft.id;
  await member.call('PATCH', `/albums/${draftId}`, { ...fields, title: DRAFT_TITLE });
  await member.call('POST', `/albums/${draftId}/tracks`, { isrc: { mode: 'next' }, recording });

  const approved = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  approvedId = approved.id;
  await member.call('PATCH', `/albums/${approvedId}`, { ...fields, title: APPROVED_TITLE });
  await member.call('POST', `/albums/${approvedId}/tracks`, { isrc: { mode: 'next' }, recording: { ...recording, title: 'Last Light' } });
  await putCover(member, approvedId, await png(600, 600, '#1f6f8b'));
  await member.call('POST', `/albums/${approvedId}/submit`);
  await admin.call('POST', `/albums/${approvedId}/approve`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir !== '') {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Logged in, the interface switched to English with the header's language buttons. */
async function inEnglish(): Promise<Flow> {
  const flow = await openFlow(browser, server.baseUrl);
  await flow.page.goto('/login');
  await logIn(flow.page, company.loginName, company.password);
  await flow.page.getByRole('group', { name: '語言' }).getByRole('button', { name: 'English' }).click();
  await visible(flow.page.getByRole('heading', { level: 1, name: 'Albums & ISRC reporting' }));
  return flow;
}

/** Waits until the image with this alt text has really been decoded (not a broken-image box). */
async function decoded(page: Page, alt: string): Promise<void> {
  await waitUntil(page, `Array.from(document.querySelectorAll('img')).some((img) => img.alt === ${JSON.stringify(alt)} && img.complete && img.naturalWidth > 0)`);
}

async function choose(page: Page, button: Locator, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(files);
}

describe('covers and audio in English', () => {
  it('uploads a cover and a track’s audio with every message in English', async () => {
    const { context, page, problems } = await inEnglish();
    await page.goto(`/albums/${draftId}`);
    await visible(page.getByRole('heading', { level: 1, name: DRAFT_TITLE }));
    await visible(page.getByText('JPG, PNG or GIF, up to 5 MB.', { exact: false }));

    // Refused in the browser before anything is sent, in English.
    await page.locator('#album_cover').setInputFiles({ name: 'too-large.png', mimeType: 'image/png', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 1) });
    await visible(page.getByText('The cover image is too large: the limit is 5 MB.', { exact: false }));

    await page.locator('#album_cover').setInputFiles({ name: 'morning-tide.png', mimeType: 'image/png', buffer: await png(640, 480, '#f5a623') });
    await visible(page.getByText('Cover image uploaded'));
    await decoded(page, `Cover image preview: ${DRAFT_TITLE}`);
    await visible(page.getByText('640 × 480 pixels', { exact: false }));
    await visible(page.getByRole('button', { name: 'Replace cover' }));
    await visible(page.getByRole('button', { name: 'Remove the cover image' }));
    await checkPage(page, 'media-en-1-cover');

    await page.getByRole('tab', { name: 'Tracks' }).click();
    const row = page.getByRole('row').filter({ hasText: TRACK_TITLE });
    await visible(row.getByText('Not uploaded'));
    const wav = path.join(dir, 'first-light.wav');
    await run('sox', ['-n', '-r', '44100', '-c', '2', wav, 'synth', '3', 'sine', '440']);
    await choose(page, row.getByRole('button', { name: `Upload audio: ${TRACK_TITLE}` }), [wav]);
    const player = row.getByLabel(`Play “${TRACK_TITLE}”`);
    await visible(player);
    await visible(row.getByRole('button', { name: `Replace the audio: ${TRACK_TITLE}` }));
    await expect.poll(() => page.getByText('尚未上傳').count()).toBe(0);
    await checkPage(page, 'media-en-2-audio');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('shows an approved album’s cover read-only: the image and its size, nothing to replace or remove', async () => {
    const { context, page, problems } = await inEnglish();
    await page.goto(`/albums/${approvedId}`);
    await visible(page.getByRole('heading', { level: 1, name: APPROVED_TITLE }));
    await visible(page.getByText('The album is approved and can no longer be changed.'));
    await decoded(page, `Cover image preview: ${APPROVED_TITLE}`);
    await visible(page.getByText('600 × 600 pixels', { exact: false }));
    expect(await page.getByRole('button', { name: 'Replace cover' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Choose cover image' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Remove the cover image' }).count()).toBe(0);
    expect(await page.locator('#album_cover').count()).toBe(0);
    await checkPage(page, 'media-en-3-approved-cover');

    // The same page in zh-TW says it in Chinese.
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await decoded(page, `專輯封面預覽：${APPROVED_TITLE}`);
    await visible(page.getByText('600 × 600 像素', { exact: false }));
    await checkPage(page, 'media-en-4-approved-cover-zh');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
