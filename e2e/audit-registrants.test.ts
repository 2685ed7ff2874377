import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession, ensurePoolCode, seedApprovedRecording, seedRegistrant, type SeededMember } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * The agency's back office in a real browser, zh-TW UI: a registrant's page with its overview and
 * the confirmed suspend / reactivate, and the audit log viewer filtered to that registrant, with
 * an entry opened to show what changed.
 */

const COMPANY = { name: '晨光音樂有限公司', login: { loginName: 'dawn.music', password: 'company-password-1', displayName: '陳晨光' } };

let server: RunningServer;
let browser: Browser;
let company: SeededMember;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  await ensurePoolCode(admin);
  company = await seedRegistrant(admin, 'company', COMPANY.name, COMPANY.login);
  const session = await ApiSession.login(server.baseUrl, company.loginName, company.password);
  await seedApprovedRecording(admin, session, '晨光第一張', '早安', '晨光樂團');
  await admin.call('PATCH', `/registrants/${company.registrantId}`, { phone: '02-2345-6789' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The agency's calendar day of `instant` (Asia/Taipei), 'YYYY-MM-DD'. */
function agencyDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Types a range into the 日期 picker of the audit filters. */
async function pickDays(page: Page, from: string, to: string): Promise<void> {
  const start = page.getByLabel('日期', { exact: true });
  await start.click();
  await start.fill(from);
  await start.press('Enter');
  const end = page.getByLabel('日期（迄）', { exact: true });
  await end.fill(to);
  await end.press('Enter');
}

async function logInAsAdmin(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('帳號', { exact: true }).fill('admin');
  await page.getByLabel('密碼', { exact: true }).fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登入', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('registrant page and audit log (staff)', () => {
  it('shows the overview, suspends and reactivates with a confirmation, and the audit log shows it', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await logInAsAdmin(page);

    await page.goto(`/admin/registrants/${company.registrantId}`);
    await visible(page.getByRole('heading', { level: 1, name: COMPANY.name }));
    const overview = page.getByRole('heading', { level: 2, name: '概況' });
    await visible(overview);
    await visible(
      page
        .getByRole('cell', { name: '2026', exact: true })
        .or(page.getByRole('cell', { name: String(new Date().getFullYear()), exact: true }))
        .first(),
    );
    await checkPage(page, 'registrant-detail');

    await page.getByRole('button', { name: '停用登記者' }).click();
    await visible(page.getByText('停用後，此登記者的所有使用者會立即被登出'));
    await page.getByRole('tooltip').getByRole('button', { name: '停用登記者' }).click();
    await visible(page.getByRole('button', { name: '重新啟用' }));
    await page.getByRole('button', { name: '重新啟用' }).click();
    await visible(page.getByText('啟用後，此登記者的使用者可以再次登入。'));
    await checkPage(page, 'registrant-reactivate-confirm');
    await page.getByRole('tooltip').getByRole('button', { name: '重新啟用' }).click();
    await visible(page.getByRole('button', { name: '停用登記者' }));

    await page.getByRole('link', { name: '查看稽核紀錄' }).click();
    await page.waitForURL('**/admin/audit?registrantId=*');
    await visible(page.getByRole('heading', { level: 1, name: '稽核紀錄' }));
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(10);
    // Newest first: the reactivation, then the suspension.
    await expect.poll(() => rows.nth(0).innerText()).toContain('登記者修改');
    await rows
      .nth(0)
      .getByRole('button', { name: /展開|Expand row/ })
      .click();
    const changes = page.getByRole('table', { name: '修改內容' });
    await visible(changes);
    // Field names in words (狀態, not status).
    const statusRow = changes.getByRole('row', { name: /^狀態/ });
    expect((await statusRow.innerText()).replace(/\s+/g, ' ')).toContain('狀態 suspended → active');
    await checkPage(page, 'audit-log');

    await page.getByLabel('動作', { exact: true }).fill('album.approve');
    await page.getByRole('button', { name: '搜尋', exact: true }).click();
    await page.waitForURL('**action=album.approve*');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.nth(0).innerText()).toContain('晨光第一張');

    // Days are the agency's calendar days, shown as 2026.03.09 and sent as 2026-03-09.
    const today = agencyDay(new Date());
    await pickDays(page, today.replaceAll('-', '.'), today.replaceAll('-', '.'));
    await page.getByRole('button', { name: '搜尋', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('from') === today && url.searchParams.get('to') === today && url.searchParams.get('action') === 'album.approve');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => page.getByLabel('日期', { exact: true }).inputValue()).toBe(today.replaceAll('-', '.'));
    await checkPage(page, 'audit-log-filtered');
    await pickDays(page, '2020.01.01', '2020.01.31');
    await page.getByRole('button', { name: '搜尋', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('from') === '2020-01-01' && url.searchParams.get('to') === '2020-01-31');
    await visible(page.getByText('沒有符合條件的紀錄。'));

    // In English: the same viewer, field names in English.
    await page.goto(`/admin/audit?registrantId=${company.registrantId}`);
    await page.getByRole('group', { name: '語言' }).getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Audit log' }));
    await visible(page.getByLabel('Date (to)', { exact: true }));
    await rows
      .nth(0)
      .getByRole('button', { name: /展開|Expand row/ })
      .click();
    const changesEn = page.getByRole('table', { name: 'Changes' });
    await visible(changesEn.getByRole('row', { name: /^Status/ }));
    await checkPage(page, 'audit-log-en');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();

    // The ISO 3901 listing by name, on screen with its export buttons.
    await page.goto('/admin/registrants?view=name');
    await visible(page.getByRole('tab', { name: '清冊（依名稱）', selected: true }));
    await visible(page.getByRole('link', { name: COMPANY.name }));
    await visible(page.getByRole('button', { name: '依名稱 Excel' }));
    await checkPage(page, 'registrant-listing-by-name');

    expect(problems.filter((p) => p !== unauthorized(server.baseUrl, '/auth/me'))).toEqual([]);
    await context.close();
  }, 180_000);
});
