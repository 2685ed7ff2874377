import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession, seedApprovedRecording, seedRegistrant } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, mainMenu, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 年度使用編號查詢 in a real browser, zh-TW UI: a company sees its own codes of this year as ranges,
 * gaps, reserved codes and next available, pages through its codes (10 a page), follows a link to
 * the album and exports CSV; another company's codes never appear. An officer sees every
 * registrant and narrows to one registrant code. Every page passes axe.
 */

let server: RunningServer;
let browser: Browser;
let dawn: { code: string; isrcDisplay: string; yy: string };
let sea: { code: string; isrcDisplay: string };

const RECORDING = { credits: [{ role: 'performer', names: ['晨光樂團'] }], productionCompany: '測試製作', duration: '0:03:10' };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  const first = await seedRegistrant(admin, 'company', '晨光唱片有限公司', { loginName: 'morning.records', password: 'morning-password-1', displayName: '陳晨' });
  const second = await seedRegistrant(admin, 'company', '海潮音樂', { loginName: 'tide.music', password: 'tide-password-1', displayName: '吳潮' });
  const morning = await ApiSession.login(server.baseUrl, first.loginName, first.password);
  const tide = await ApiSession.login(server.baseUrl, second.loginName, second.password);

  // 晨光: 00001 on an approved album, 00002–00003 on a draft, 00004–00012 reserved, 00015 typed and reserved.
  const approved = await seedApprovedRecording(admin, morning, '晨光第一張', '晨光之歌', '晨光樂團');
  const draft = await morning.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  await morning.call('PATCH', `/albums/${draft.id}`, { title: '晨光草稿' });
  for (const title of ['第二首', '第三首']) {
    await morning.call('POST', `/albums/${draft.id}/tracks`, { isrc: { mode: 'next' }, recording: { title, ...RECORDING } });
  }
  await morning.call('POST', '/allocations', { count: 9 });
  const compact = approved.isrc;
  await morning.call('POST', '/allocations/claim', { isrc: `${compact.slice(0, 7)}00015` });
  dawn = { code: compact.slice(2, 5), isrcDisplay: approved.isrcDisplay, yy: compact.slice(5, 7) };

  const tideAlbum = await seedApprovedRecording(admin, tide, '海潮專輯', '浪花', '海潮樂團');
  sea = { code: tideAlbum.isrc.slice(2, 5), isrcDisplay: tideAlbum.isrcDisplay };
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const row = (code: string) => `TW-${code}`;

describe('年度使用編號查詢 in Chromium', () => {
  it('shows a company its own codes, pages through them, links to the album and exports', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, 'morning.records', 'morning-password-1');
    await mainMenu(page).getByRole('link', { name: '年度使用編號查詢' }).click();
    await page.waitForURL(/\/used-designations$/);
    await visible(page.getByRole('heading', { level: 1, name: '年度使用編號查詢' }));

    const summary = page.getByRole('region', { name: /年度使用情形/ });
    await visible(summary.getByText('00001–00012, 00015', { exact: true }));
    await visible(summary.getByText('00013–00014', { exact: true }));
    await visible(summary.getByText('00004–00012, 00015', { exact: true }));
    await visible(summary.getByText(`TW-${dawn.code}-${dawn.yy}-00016`, { exact: true }));
    expect(await summary.getByText(sea.code).count()).toBe(0);

    const codes = page.getByRole('region', { name: '編號明細' });
    await visible(codes.getByText('共 13 筆'));
    expect(await codes.locator('tbody tr.ant-table-row').count()).toBe(10);
    expect(await codes.getByText(row(sea.code)).count()).toBe(0);
    await visible(codes.getByRole('link', { name: '晨光之歌' }));
    await checkPage(page, 'used-designations-01-registrant');

    await codes.getByTitle('2', { exact: true }).click();
    await page.waitForURL(/page=2/);
    await visible(codes.getByText(`TW-${dawn.code}-${dawn.yy}-00015`));
    expect(await codes.locator('tbody tr.ant-table-row').count()).toBe(3);
    await checkPage(page, 'used-designations-02-registrant-page2');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '匯出 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^used-designations-\d{4}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain(dawn.isrcDisplay);
    expect(csv).not.toContain(sea.isrcDisplay);
    expect(csv.trim().split('\r\n')).toHaveLength(14);

    await page.goto('/used-designations');
    await codes.getByRole('link', { name: '晨光第一張' }).click();
    await page.waitForURL(/\/albums\/[0-9a-f-]+$/);

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('lets an officer see every registrant and narrow to one registrant code', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.goto('/used-designations');
    const summary = page.getByRole('region', { name: /年度使用情形/ });
    await visible(summary.getByRole('link', { name: '晨光唱片有限公司' }));
    await visible(summary.getByRole('link', { name: '海潮音樂' }));
    await visible(page.getByRole('region', { name: '編號明細' }).getByText('共 14 筆'));
    await checkPage(page, 'used-designations-03-officer');

    await page.getByLabel('登記者代碼', { exact: true }).fill(sea.code.toLowerCase());
    await page.getByRole('button', { name: '查詢', exact: true }).click();
    await page.waitForURL(new RegExp(`code=${sea.code}`));
    await visible(page.getByRole('region', { name: '編號明細' }).getByText('共 1 筆'));
    expect(await summary.getByRole('link', { name: '晨光唱片有限公司' }).count()).toBe(0);
    await visible(page.getByRole('region', { name: '編號明細' }).getByText(sea.isrcDisplay));
    await checkPage(page, 'used-designations-04-officer-code');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
