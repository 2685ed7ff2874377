import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 匯出 DDEX in a real browser (zh-TW): the member downloads an approved album's ERN 4.3 message from
 * the album page, and an officer from the review page; the button is absent before approval.
 */

const MEMBER = { loginName: 'ddex.member', password: 'member-password-1', displayName: '陳小華' };
const OFFICER = { loginName: 'ddex.officer', password: 'officer-password-1', displayName: '林審核', role: 'agency_officer' };
const TITLE = '月光專輯';

let server: RunningServer;
let browser: Browser;
let albumId = '';
let draftId = '';
let isrc = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  await admin.call('POST', '/users', OFFICER);
  const registrant = await admin.call<{ id: string }>('POST', '/registrants', { kind: 'company', name: '月光唱片有限公司', contactPerson: MEMBER.displayName });
  await admin.call('POST', `/registrants/${registrant.id}/codes`, {});
  await admin.call('POST', `/registrants/${registrant.id}/users`, MEMBER);
  const member = await ApiSession.login(server.baseUrl, MEMBER.loginName, MEMBER.password);
  const credits = [{ role: 'performer', names: ['月光樂團'] }];
  const fields = { title: TITLE, credits, publisher: '月光唱片', releaseDate: '2025.05.01', productionCompany: '月光製作', albumType: 'single' };
  const album = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  albumId = album.id;
  await member.call('PATCH', `/albums/${album.id}`, fields);
  const track = await member.call<{ recording: { isrc: string } }>('POST', `/albums/${album.id}/tracks`, {
    isrc: { mode: 'next' },
    recording: { title: 'Moonlight', credits, productionCompany: '月光製作', duration: '0:03:45' },
  });
  isrc = track.recording.isrc;
  await member.call('POST', `/albums/${album.id}/submit`);
  await admin.call('POST', `/albums/${album.id}/approve`);
  const draft = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  draftId = draft.id;
  await member.call('PATCH', `/albums/${draft.id}`, { ...fields, title: '草稿專輯' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('DDEX export in Chromium (zh-TW)', () => {
  it('the member downloads the approved album as an ERN 4.3 message; a draft has no button', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, MEMBER.loginName, MEMBER.password);
    await page.goto(`/albums/${albumId}`);
    const button = await visible(page.getByRole('button', { name: '匯出 DDEX' }));
    await checkPage(page, 'ddex-01-album-page');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^ddex-ern43-\d+\.xml$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
    const xml = Buffer.concat(chunks).toString('utf8');
    expect(xml).toContain('<ern:NewReleaseMessage');
    expect(xml).toContain(`<ISRC>${isrc}</ISRC>`);
    expect(xml).toContain(`<DisplayTitleText LanguageAndScriptCode="zh-Hant">${TITLE}</DisplayTitleText>`);

    await page.goto(`/albums/${draftId}`);
    await visible(page.getByRole('heading', { level: 1, name: '草稿專輯' }));
    expect(await page.getByRole('button', { name: '匯出 DDEX' }).count()).toBe(0);
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('the officer finds the button on the review page of the approved album', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, OFFICER.loginName, OFFICER.password);
    await page.goto(`/review/${albumId}`);
    await visible(page.getByRole('button', { name: '匯出 DDEX' }));
    await checkPage(page, 'ddex-02-review-page');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
