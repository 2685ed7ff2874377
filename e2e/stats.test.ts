import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession, seedApprovedRecording, seedRegistrant, type SeededMember } from './api.js';
import { launchBrowser, screenshot } from './browser.js';
import { checkPage, logIn, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 年度回報量統計表 in a real browser, zh-TW UI: an officer sees the agency's figures with charts and
 * tables, filters by registrant, opens the annual report, exports and prints; a registrant sees
 * only its own figures. Every page passes axe.
 */

let server: RunningServer;
let browser: Browser;
let star: SeededMember;

async function returnedAlbum(admin: ApiSession, member: ApiSession, title: string): Promise<void> {
  const credits = [{ role: 'performer', names: ['月光合唱團'] }];
  const album = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'physical' });
  await member.call('PATCH', `/albums/${album.id}`, { title, credits, publisher: '測試唱片', releaseDate: '2025.05.01', productionCompany: '測試製作', albumType: 'single' });
  await member.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'next' }, recording: { title: `${title} 一`, credits, productionCompany: '測試製作', duration: '0:03:00' } });
  await member.call('POST', `/albums/${album.id}/submit`);
  await admin.call('POST', `/albums/${album.id}/return`, { reason: '請補正封面資料' });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  star = await seedRegistrant(admin, 'company', '星光唱片有限公司', { loginName: 'star.records', password: 'star-password-1', displayName: '陳星' });
  const moon = await seedRegistrant(admin, 'company', '月光音樂', { loginName: 'moon.music', password: 'moon-password-1', displayName: '李月' });
  const starApi = await ApiSession.login(server.baseUrl, star.loginName, star.password);
  const moonApi = await ApiSession.login(server.baseUrl, moon.loginName, moon.password);
  await seedApprovedRecording(admin, starApi, '星光第一輯', '星之歌', '星光樂團');
  await seedApprovedRecording(admin, starApi, '星光第二輯', '夜空', '星光樂團');
  await seedApprovedRecording(admin, moonApi, '月光小品', '月色', '月光合唱團');
  await returnedAlbum(admin, moonApi, '月光退回輯');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('年度回報量統計表 in Chromium', () => {
  it('shows an officer the agency figures, one registrant, the annual report, and prints', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.goto('/stats');
    const heading = page.getByRole('heading', { level: 1, name: /^年度回報量統計表 \d{4}$/ });
    await visible(heading);
    const year = (await heading.innerText()).slice(-4);
    await visible(page.getByRole('img', { name: new RegExp(`${year} 年每月專輯數量（長條圖`) }));
    await visible(page.getByRole('img', { name: new RegExp(`${year} 年每月 ISRC 數量（折線圖`) }));
    // The table beside the albums chart: 4 reported this year (3 approved, 1 returned).
    const albumsTable = page.getByRole('table', { name: `${year} 年每月專輯數量` });
    const totalRow = albumsTable.getByRole('row').filter({ hasText: '全年' });
    await expect(totalRow.getByRole('cell').allInnerTexts()).resolves.toEqual(['全年', '4', '3', '1', '0']);
    const byRegistrant = page.getByRole('table', { name: '依登記者', exact: true });
    await visible(byRegistrant.getByRole('cell', { name: '星光唱片有限公司' }));
    await checkPage(page, 'stats-01-agency');

    // One registrant: the filter is a searchable list of registrants with figures this year.
    // Its role="option" elements are antd's hidden list for screen readers; the visible ones have a class.
    await page.getByLabel('登記者', { exact: true }).click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.locator('.ant-select-item-option').getByText('星光唱片有限公司', { exact: true }).click();
    await page.waitForURL(/registrant=/);
    await visible(page.getByText('登記者：星光唱片有限公司'));
    await expect(totalRow.getByRole('cell').allInnerTexts()).resolves.toEqual(['全年', '2', '2', '0', '0']);
    expect(await page.getByRole('table', { name: '依登記者', exact: true }).count()).toBe(0);
    await checkPage(page, 'stats-02-registrant');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '匯出 Excel' }).click();
    expect((await download).suggestedFilename()).toBe(`isrc-statistics-${year}.xlsx`);

    await page.getByRole('tab', { name: '年度報告' }).click();
    await visible(page.getByRole('heading', { level: 1, name: `${year} 年度報告` }));
    await visible(page.getByRole('img', { name: new RegExp(`${year} 年每月 ISRC 回報與通過審核數`) }));
    await visible(page.getByRole('table', { name: '本年度核發的登記者代碼' }).getByRole('cell', { name: '月光音樂' }));
    await checkPage(page, 'stats-03-annual');

    // The print view: no header, menu or buttons; charts above their tables.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '列印' }).isVisible()).toBe(false);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    await screenshot(page, 'stats-04-annual-print');
    await page.emulateMedia({ media: 'screen' });

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('shows a registrant only its own figures, without the annual report', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, star.loginName, star.password);
    await page.goto('/stats');
    await visible(page.getByRole('heading', { level: 1, name: /^年度回報量統計表 \d{4}$/ }));
    await visible(page.getByText('本表僅統計貴單位的專輯與 ISRC。'));
    const totalRow = page
      .getByRole('table', { name: /年每月專輯數量$/ })
      .getByRole('row')
      .filter({ hasText: '全年' });
    await expect(totalRow.getByRole('cell').allInnerTexts()).resolves.toEqual(['全年', '2', '2', '0', '0']);
    expect(await page.getByRole('tab', { name: '年度報告' }).count()).toBe(0);
    expect(await page.getByLabel('登記者', { exact: true }).count()).toBe(0);
    await checkPage(page, 'stats-05-member');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
