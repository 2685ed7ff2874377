import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { downloadedBytes, seedApprovedAlbum } from './approved-album-seed.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, openFlow, unauthorized, visible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 匯出 DDEX in a real browser (zh-TW): the member downloads an approved album's ERN 4.3 message from
 * the album page, and an officer from the review page; the button is absent before approval.
 */

const MEMBER = { loginName: 'ddex.member', password: 'member-password-1', displayName: '陳小華' };
const OFFICER = { loginName: 'ddex.officer', password: 'officer-password-1', displayName: '林審核', role: 'agency_officer' } as const;
const TITLE = '月光專輯';

let server: RunningServer;
let browser: Browser;
let albumId = '';
let draftId = '';
let isrc = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ albumId, draftId, isrc } = await seedApprovedAlbum(server, { member: MEMBER, officer: OFFICER, stem: '月光', albumTitle: TITLE, trackTitle: 'Moonlight' }));
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
    const xml = (await downloadedBytes(download)).toString('utf8');
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
