import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, mainMenu, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 送存 in a real browser (zh-TW): a company's member declares the copies of an approved physical
 * album sent, an officer records them received on the deposit desk, and the member sees 已送存.
 */

const MEMBER = { loginName: 'deposit.member', password: 'member-password-1', displayName: '王大明' };
const OFFICER = { loginName: 'deposit.officer', password: 'officer-password-1', displayName: '李審核', role: 'agency_officer' };
const TITLE = '海風實體專輯';

let server: RunningServer;
let browser: Browser;
let albumId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  await admin.call('POST', '/users', OFFICER);
  const registrant = await admin.call<{ id: string }>('POST', '/registrants', { kind: 'company', name: '海風唱片有限公司', contactPerson: MEMBER.displayName });
  await admin.call('POST', `/registrants/${registrant.id}/codes`, {});
  await admin.call('POST', `/registrants/${registrant.id}/users`, MEMBER);
  const member = await ApiSession.login(server.baseUrl, MEMBER.loginName, MEMBER.password);
  const credits = [{ role: 'performer', names: ['海風樂團'] }];
  const album = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'physical' });
  albumId = album.id;
  await member.call('PATCH', `/albums/${album.id}`, { title: TITLE, credits, publisher: '海風唱片', releaseDate: '2025.05.01', productionCompany: '海風製作', albumType: 'single' });
  await member.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'next' }, recording: { title: '海風', credits, productionCompany: '海風製作', duration: '0:03:45' } });
  await member.call('POST', `/albums/${album.id}/submit`);
  await admin.call('POST', `/albums/${album.id}/approve`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('deposit in Chromium (zh-TW)', () => {
  it('the member declares copies sent; the album shows 未送存 and the shipment', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, MEMBER.loginName, MEMBER.password);
    await page.goto(`/albums/${albumId}`);
    const section = page.getByRole('heading', { level: 2, name: '送存' });
    await visible(section);
    await visible(page.getByText('實體發行的專輯通過審核後，請將 1 份送存品寄至本中心'));
    await page.getByLabel('掛號或物流追蹤號碼（選填）').fill('RR123456789TW');
    await checkPage(page, 'deposit-01-member-form');
    await page.getByRole('button', { name: '登錄寄送資料' }).click();
    await visible(page.getByRole('cell', { name: 'RR123456789TW' }));
    await visible(page.getByRole('cell', { name: '登記者寄送' }));
    await checkPage(page, 'deposit-02-member-declared');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('the officer finds it on the deposit desk, records it received, and reaches 設定', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, OFFICER.loginName, OFFICER.password);
    await mainMenu(page).getByRole('link', { name: '送存' }).click();
    await page.waitForURL('**/admin/deposits');
    await visible(page.getByRole('heading', { level: 1, name: '送存' }));
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await visible(row);
    await expect.poll(() => row.innerText()).toContain('寄出 1 份');
    await expect.poll(() => row.innerText()).toContain('0 / 1');
    await checkPage(page, 'deposit-03-desk');

    await row.getByRole('button', { name: `登錄收件：${TITLE}` }).click();
    const dialog = await visible(page.getByRole('dialog', { name: `登錄收件：${TITLE}` }));
    await visible(dialog.getByLabel('份數'));
    await visible(dialog.getByLabel('收件日期'));
    await checkPage(page, 'deposit-04-record-dialog');
    await dialog.getByRole('button', { name: '登錄收件' }).click();
    await visible(page.getByText('已登錄收件，送存狀態：已送存'));
    await visible(page.getByText('目前沒有待送存的專輯。'));

    // On the album page the officer can correct a mistaken record (opened and cancelled here).
    await page.goto(`/albums/${albumId}`);
    await page.getByRole('button', { name: /^更正 .+的本中心收件紀錄$/ }).click();
    const correct = await visible(page.getByRole('dialog', { name: '更正送存紀錄' }));
    await visible(correct.getByLabel('更正原因'));
    await checkPage(page, 'deposit-05-correct-dialog');
    await correct.getByRole('button', { name: '取消' }).click();
    await correct.waitFor({ state: 'hidden' });

    await mainMenu(page).getByRole('link', { name: '設定' }).click();
    await page.waitForURL('**/admin/settings');
    await visible(page.getByRole('heading', { level: 2, name: '送存設定' }));
    await visible(page.getByText('只有系統管理者可以修改這些設定。'));
    await expect.poll(() => page.getByRole('button', { name: '新增代碼' }).count()).toBe(0);
    await checkPage(page, 'deposit-06-officer-settings');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('the member sees 已送存 on the album', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, MEMBER.loginName, MEMBER.password);
    await page.goto(`/albums/${albumId}`);
    await visible(page.getByText('本中心已收到全部送存品，送存完成。'));
    await visible(page.getByRole('cell', { name: '本中心收件' }));
    expect(await page.getByText('已送存').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByRole('button', { name: '登錄寄送資料' }).count()).toBe(0);
    await checkPage(page, 'deposit-07-member-deposited');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
