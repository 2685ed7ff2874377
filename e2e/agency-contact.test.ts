import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, mainMenu, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * Issue 12 in a real browser (zh-TW): the agency's contact details (ISRC_AGENCY_*) in every page's
 * footer, 業者操作手冊 marking the functions not online yet with how to do them today, the
 * placeholder pages giving the same interim route, and a reset password leading to 修改密碼 first.
 */

const AGENCY = {
  ISRC_AGENCY_NAME: '測試國家圖書館 ISRC 管理中心',
  ISRC_AGENCY_ADDRESS: '100006 臺北市中正區測試路 2 號',
  ISRC_AGENCY_PHONE: '(02)2361-9132 轉 703',
  ISRC_AGENCY_EMAIL: 'isrc@agency.example',
};

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(AGENCY);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the agency contact and the functions not online yet (zh-TW)', () => {
  it('shows the contact details in the footer of the login page and of every signed-in page', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    const footer = page.locator('footer');
    await visible(footer.getByText(AGENCY.ISRC_AGENCY_NAME));
    expect(await footer.getByRole('link', { name: AGENCY.ISRC_AGENCY_EMAIL }).getAttribute('href')).toBe(`mailto:${AGENCY.ISRC_AGENCY_EMAIL}`);
    expect(await footer.getByRole('link', { name: AGENCY.ISRC_AGENCY_PHONE }).getAttribute('href')).toBe('tel:0223619132;ext=703');
    expect(await footer.textContent()).toContain(AGENCY.ISRC_AGENCY_ADDRESS);
    await checkPage(page, 'iss12-01-login-footer');

    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await visible(page.locator('footer').getByText(AGENCY.ISRC_AGENCY_NAME));
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('marks nothing 「尚未開放」 in the manual: 專輯匯入, 出版者資料異動申請單 and 數位媒體批次上傳 are online', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.goto('/manual');
    await visible(page.getByRole('heading', { level: 1, name: '業者操作手冊' }));
    const main = page.locator('main');
    for (const online of ['專輯匯入', '出版者資料異動申請單', '數位媒體批次上傳']) {
      await expect(main.locator('li').filter({ hasText: online }).count(), online).resolves.toBeGreaterThan(0);
    }
    await expect(main.getByText('尚未開放', { exact: true }).count()).resolves.toBe(0);
    await checkPage(page, 'iss12-02-manual-pending');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('sends a user whose password was reset to 修改密碼 first, without a refused request on the way', async () => {
    const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
    const officer = await admin.call<{ id: string }>('POST', '/users', { loginName: 'officer.reset', displayName: '承辦人', password: 'first password 1', role: 'agency_officer' });
    await admin.call('PATCH', `/users/${officer.id}`, { resetPassword: 'reset by admin 1' });

    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await page.getByLabel('帳號', { exact: true }).fill('officer.reset');
    await page.getByLabel('密碼', { exact: true }).fill('reset by admin 1');
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.waitForURL('**/change-password');
    await visible(page.getByText('首次登入或密碼已由管理中心重設，請先修改密碼再使用系統。'));
    await page.goto('/admin/registrants');
    await page.waitForURL('**/change-password');
    await checkPage(page, 'iss12-04-must-change-password');

    await page.getByLabel('目前密碼', { exact: true }).fill('reset by admin 1');
    await page.getByLabel('新密碼', { exact: true }).fill('my own password 2');
    await page.getByLabel('確認新密碼', { exact: true }).fill('my own password 2');
    await page.getByRole('button', { name: '修改密碼', exact: true }).click();
    await page.waitForURL('**/review');
    await visible(page.getByRole('heading', { level: 1, name: '審核', exact: true }));
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});

describe('背景工作 for the administrator (zh-TW, then English)', () => {
  it('lists the background jobs from the admin menu: none waiting or failed on a fresh server', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await mainMenu(page).getByRole('link', { name: '背景工作' }).click();
    await page.waitForURL('**/admin/jobs');
    await visible(page.getByRole('heading', { level: 1, name: '背景工作' }));
    await visible(page.getByText('內建資料庫：由本伺服器執行'));
    await visible(page.getByText('目前沒有等候或失敗的背景工作。'));
    await checkPage(page, 'jobs-01-admin');
    await page.getByRole('group', { name: '語言' }).getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Background jobs' }));
    await visible(page.getByText('Embedded database: run by this server'));
    await checkPage(page, 'jobs-02-admin-english');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
