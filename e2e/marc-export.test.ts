import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readWithYaz, subfieldValues } from '../test/helpers/yaz-marc.js';
import { downloadedBytes, seedApprovedAlbum } from './approved-album-seed.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, openFlow, unauthorized, visible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 匯出 MARC in a real browser (zh-TW): the member downloads an approved album as ISO 2709 from the
 * album page (no control on a draft), and an officer exports a range of approval days as MARCXML
 * from 送存總覽; both files are read back by yaz-marcdump.
 */

const MEMBER = { loginName: 'marc.member', password: 'member-password-1', displayName: '張小芬' };
const OFFICER = { loginName: 'marc.officer', password: 'officer-password-1', displayName: '王編目', role: 'agency_officer' } as const;
const TITLE = '星河之歌';

let server: RunningServer;
let browser: Browser;
let albumId = '';
let draftId = '';
let isrc = '';

/** Today in the agency's calendar (the e2e server runs in Asia/Taipei), as the pickers show it. */
function agencyToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(new Date()).replaceAll('-', '.');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ albumId, draftId, isrc } = await seedApprovedAlbum(server, { member: MEMBER, officer: OFFICER, stem: '星河', albumTitle: TITLE, trackTitle: '銀河' }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('MARC export in Chromium (zh-TW)', () => {
  it('the member downloads the approved album as ISO 2709; a draft has no control', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, MEMBER.loginName, MEMBER.password);
    await page.goto(`/albums/${albumId}`);
    const button = await visible(page.getByRole('button', { name: '匯出 MARC' }));
    await button.click();
    const item = await visible(page.getByRole('menuitem', { name: /ISO 2709/ }));
    await checkPage(page, 'marc-01-album-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
    expect(download.suggestedFilename()).toMatch(/^album-\d+\.mrc$/);
    const reading = await readWithYaz(await downloadedBytes(download), 'mrc');
    expect(reading.stderr).toBe('');
    expect(reading.diagnostics).toEqual([]);
    expect(subfieldValues(reading.records[0]!, '024', 'a')).toEqual([isrc]);
    expect(subfieldValues(reading.records[0]!, '245', 'a')).toEqual([`${TITLE} /`]);

    await page.goto(`/albums/${draftId}`);
    await visible(page.getByRole('heading', { level: 1, name: '草稿專輯' }));
    expect(await page.getByRole('button', { name: '匯出 MARC' }).count()).toBe(0);
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('the officer exports the albums approved in a period from 送存總覽', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, OFFICER.loginName, OFFICER.password);
    await page.goto('/admin/deposits');
    await (await visible(page.getByRole('tab', { name: '匯出 MARC' }))).click();
    await visible(page.getByRole('heading', { name: '匯出 MARC 書目紀錄' }));
    await page.getByRole('button', { name: '匯出', exact: true }).click();
    await visible(page.getByText('請選擇審核通過日期的起日與迄日。'));
    await checkPage(page, 'marc-02-range-required');

    await page.locator('#marc-period').fill('2025.01.01');
    await page.locator('#marc-period').press('Enter');
    await page.locator('#marc-period-end').fill(agencyToday());
    await page.locator('#marc-period-end').press('Enter');
    // Leaving the picker commits the typed day; the message then goes (antd fades it out).
    await page.getByRole('heading', { name: '匯出 MARC 書目紀錄' }).click();
    await page.getByText('請選擇審核通過日期的起日與迄日。').waitFor({ state: 'hidden', timeout: 5000 });
    await checkPage(page, 'marc-03-range-filled');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '匯出', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^marc-2025-01-01_\d{4}-\d{2}-\d{2}\.xml$/);
    const reading = await readWithYaz((await downloadedBytes(download)).toString('utf8'), 'xml');
    expect(reading.stderr).toBe('');
    expect(reading.records.flatMap((r) => subfieldValues(r, '024', 'a'))).toContain(isrc);
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
