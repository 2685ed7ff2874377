import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { pngImage } from '../test/integration/change-requests-fixtures.js';
import { ApiSession, seedRegistrant, type SeededMember } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, openFlow, unauthorized, visible, waitUntil } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 出版者資料異動申請單 online, in a real browser: a company asks to change its address with a
 * stamped PNG scan, an officer sees before → after and the scan and approves, and the company
 * then sees the new address as its current data.
 */

const COMPANY = { name: '海風唱片有限公司', login: { loginName: 'seabreeze.records', password: 'company-password-1', displayName: '陳怡君' } };
const OLD_ADDRESS = '100 臺北市中正區舊街 1 號';
const NEW_ADDRESS = '104 臺北市中山區新生北路二段 88 號 5 樓';
const NEW_PHONE = '02-8765-4321';

let server: RunningServer;
let browser: Browser;
let company: SeededMember;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  company = await seedRegistrant(admin, 'company', COMPANY.name, COMPANY.login);
  await admin.call('PATCH', `/registrants/${company.registrantId}`, { address: OLD_ADDRESS, phone: '02-2345-6789' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('publisher data change request', () => {
  it('the registrant asks to change the address and attaches a PNG scan', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, company.loginName, company.password);
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '出版者資料異動申請單' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '出版者資料異動申請單' }));
    await checkPage(page, 'change-request-1-empty');

    await page.getByRole('checkbox', { name: '地址' }).check();
    await visible(page.getByText(`目前資料：${OLD_ADDRESS}`));
    await page.getByLabel('新的地址').fill(NEW_ADDRESS);
    await page.getByLabel('異動原因').fill('公司遷址');
    await page.locator('input[type=file]').setInputFiles({ name: '異動申請單-用印.png', mimeType: 'image/png', buffer: pngImage(600, 400) });
    await visible(page.getByText('異動申請單-用印.png'));
    await visible(page.getByText('異動前 → 異動後'));
    await visible(page.getByRole('cell', { name: NEW_ADDRESS }));
    await checkPage(page, 'change-request-2-filled');

    await page.getByRole('button', { name: '送出申請' }).click();
    await visible(page.getByText('您已有一份待審核的異動申請'));
    const row = page.getByRole('row').filter({ hasText: NEW_ADDRESS });
    await visible(row.getByText('待審核'));
    await visible(row.getByRole('link', { name: /下載 異動申請單-用印\.png/ }));
    await checkPage(page, 'change-request-3-pending');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('an officer sees before → after and the scan, and approves', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.goto('/admin/change-requests');
    await visible(page.getByRole('heading', { level: 1, name: '出版者資料異動審核' }));
    const row = page.getByRole('row').filter({ hasText: COMPANY.name });
    await visible(row.getByText('待審核'));
    await checkPage(page, 'change-request-4-desk');

    await row.getByRole('link').first().click();
    await visible(page.getByRole('heading', { level: 1, name: `異動申請明細：${COMPANY.name}` }));
    await visible(page.getByRole('cell', { name: OLD_ADDRESS }));
    await visible(page.getByRole('cell', { name: NEW_ADDRESS }));
    await visible(page.getByRole('img', { name: '掃描檔預覽：異動申請單-用印.png' }));
    // The scan really loaded (decoded at its own size), not a broken-image box.
    await waitUntil(page, `document.querySelector('img[alt^="掃描檔預覽"]')?.naturalWidth === 600`);
    await checkPage(page, 'change-request-5-detail');

    await page.getByRole('button', { name: '核准並更新登記者資料' }).click();
    await page.getByRole('button', { name: /確\s*定|OK/ }).click();
    await visible(page.getByText('已核准，登記者資料已更新。'));
    await visible(page.getByText('已核准', { exact: true }).first());
    await checkPage(page, 'change-request-6-approved');

    await page.getByRole('link', { name: COMPANY.name }).click();
    await visible(page.getByRole('heading', { level: 2, name: '資料異動紀錄' }));
    await checkPage(page, 'change-request-7-registrant-history');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('the registrant sees the decision and the new address as current data', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, company.loginName, company.password);
    await page.goto('/change-requests');
    const row = page.getByRole('row').filter({ hasText: NEW_ADDRESS });
    await visible(row.getByText('已核准'));
    await page.getByRole('checkbox', { name: '地址' }).check();
    await visible(page.getByText(`目前資料：${NEW_ADDRESS}`));
    await checkPage(page, 'change-request-8-registrant-after');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('a withdrawn request stays on record as 已撤回: the form is free again, the officer sees who withdrew it', async () => {
    const member = await openFlow(browser, server.baseUrl);
    await member.page.goto('/login');
    await logIn(member.page, company.loginName, company.password);
    await member.page.goto('/change-requests');
    await member.page.getByRole('checkbox', { name: '電話' }).check();
    await member.page.getByLabel('新的電話').fill(NEW_PHONE);
    await member.page.getByLabel('異動原因').fill('更正電話');
    await member.page.getByRole('button', { name: '送出申請' }).click();
    await visible(member.page.getByText('您已有一份待審核的異動申請'));
    const row = member.page.getByRole('row').filter({ hasText: NEW_PHONE });
    await row.getByRole('button', { name: '撤回申請' }).click();
    await member.page.getByRole('button', { name: /確\s*定|OK/ }).click();
    await visible(member.page.getByText('已撤回異動申請。'));
    await visible(row.getByText('已撤回', { exact: true }));
    await visible(member.page.getByRole('checkbox', { name: '電話' }));
    await checkPage(member.page, 'change-request-9-withdrawn');
    expect(member.problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await member.context.close();

    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.goto('/admin/change-requests');
    // antd's visible options carry only a class (its role="option" list is for screen readers).
    await page.getByLabel('狀態', { exact: true }).click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.locator('.ant-select-item-option').getByText('已撤回', { exact: true }).click();
    await dropdown.waitFor({ state: 'hidden' });
    const withdrawn = page.getByRole('row').filter({ hasText: COMPANY.name });
    await visible(withdrawn.getByText('已撤回', { exact: true }));
    await withdrawn.getByRole('link').first().click();
    await visible(page.getByRole('heading', { level: 1, name: `異動申請明細：${COMPANY.name}` }));
    // The same member asked and withdrew: named beside 撤回人, not 審核人員.
    await visible(page.locator('.ant-descriptions-item-container').filter({ hasText: '撤回人' }).getByText(COMPANY.login.displayName));
    expect(await page.getByText('審核人員').count()).toBe(0);
    expect(await page.getByRole('button', { name: '核准並更新登記者資料' }).count()).toBe(0);
    await checkPage(page, 'change-request-10-withdrawn-detail');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
