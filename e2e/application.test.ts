import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, mainMenu, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';
import { calendarYearAt } from '../src/isrc/year.js';

/**
 * 登記者代碼申請 in a real browser, zh-TW UI: a visitor applies as a company, an officer approves it
 * with the suggested registrant code, and the applicant — now the company's member — reports its
 * first album and gets the first ISRC under the new code.
 */

const COMPANY = {
  name: '晨曦音樂股份有限公司',
  registrationNumber: '04595257',
  contactPerson: '陳曉明',
  address: '臺北市大安區羅斯福路四段 1 號',
  phone: '(02)2345-6789',
  email: 'contact@dawn-music.example',
  loginName: 'dawn.music',
  password: 'dawn-music-pass-1',
};
const AGENCY_YEAR = calendarYearAt(new Date(), 'Asia/Taipei');
const YEAR = String(AGENCY_YEAR % 100).padStart(2, '0');

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function menuLinks(page: Page): Promise<string[]> {
  return mainMenu(page).getByRole('listitem').allInnerTexts();
}

describe('registrant code application in Chromium (zh-TW)', () => {
  it('a company applies, an officer approves with the suggested code, and the company reports its first album', async () => {
    // 1. The visitor finds 申請登記者代碼 on the login page.
    const applicant = await openFlow(browser, server.baseUrl);
    const page = applicant.page;
    await page.goto('/login');
    await visible(loginHeading(page));
    await page.getByRole('link', { name: '申請登記者代碼' }).click();
    await page.waitForURL('**/apply');
    await visible(page.getByRole('heading', { level: 1, name: '申請登記者代碼' }));
    expect(await page.getByRole('radio', { name: '公司' }).isChecked()).toBe(true);
    await checkPage(page, 'application-01-apply');

    // 2. Nothing typed: every required field says what to do, in Chinese, next to it.
    await page.getByRole('button', { name: '送出申請' }).click();
    await visible(page.getByText('請輸入公司名稱'));
    await visible(page.getByText('請輸入統一編號'));
    await visible(page.getByText('請輸入聯絡人'));
    await visible(page.getByText('請輸入帳號'));
    await page.getByLabel('統一編號', { exact: true }).fill('12345678');
    await page.getByLabel('公司名稱', { exact: true }).click();
    await visible(page.getByText('統一編號應為 8 位數字，請確認號碼是否正確'));
    await checkPage(page, 'application-02-apply-errors');

    // An individual has no registration number; back to company.
    await page.getByRole('radio', { name: '個人' }).check();
    await visible(page.getByLabel('姓名', { exact: true }));
    expect(await page.getByLabel('統一編號', { exact: true }).count()).toBe(0);
    await page.getByRole('radio', { name: '公司' }).check();

    // 3. The whole form, then 送出申請: signed in at once, the status page only.
    await page.getByLabel('公司名稱', { exact: true }).fill(COMPANY.name);
    await page.getByLabel('統一編號', { exact: true }).fill(COMPANY.registrationNumber);
    await page.getByLabel('聯絡人', { exact: true }).fill(COMPANY.contactPerson);
    await page.getByLabel('地址', { exact: true }).fill(COMPANY.address);
    await page.getByLabel('電話', { exact: true }).fill(COMPANY.phone);
    await page.getByLabel('電子郵件', { exact: true }).fill(COMPANY.email);
    await page.getByLabel('帳號', { exact: true }).fill(COMPANY.loginName);
    await page.getByLabel('密碼', { exact: true }).fill(COMPANY.password);
    await page.getByLabel('確認密碼', { exact: true }).fill(COMPANY.password);
    await page.getByRole('button', { name: '送出申請' }).click();
    await page.waitForURL('**/application');
    await visible(page.getByRole('heading', { level: 1, name: '登記者代碼申請進度' }));
    const main = page.getByRole('main');
    await visible(main.getByText('審核中', { exact: true }).first());
    await visible(main.getByText(COMPANY.name));
    expect(await menuLinks(page)).toEqual(['修改密碼', '登出']);
    await checkPage(page, 'application-03-status-pending');
    // Any other page leads back to the application.
    await page.goto('/albums');
    await page.waitForURL('**/application');
    await visible(page.getByRole('heading', { level: 1, name: '登記者代碼申請進度' }));

    // 4. The officer finds it at the top of 登記者代碼申請 and approves it with the suggested code.
    const officer = await openFlow(browser, server.baseUrl);
    const desk = officer.page;
    await desk.goto('/login');
    await visible(loginHeading(desk));
    await desk.getByLabel('帳號', { exact: true }).fill('admin');
    await desk.getByLabel('密碼', { exact: true }).fill(E2E_ADMIN_PASSWORD);
    await desk.getByRole('button', { name: '登入', exact: true }).click();
    await desk.waitForURL((url) => !url.pathname.endsWith('/login'));
    await mainMenu(desk).getByRole('link', { name: '代碼申請' }).click();
    await desk.waitForURL('**/admin/applications');
    await visible(desk.getByRole('heading', { level: 1, name: '登記者代碼申請' }));
    const link = await visible(desk.getByRole('link', { name: COMPANY.name }));
    await checkPage(desk, 'application-04-desk');
    await link.click();
    await desk.waitForURL(/\/admin\/applications\/[0-9a-f-]{36}$/);
    await visible(desk.getByRole('heading', { level: 1, name: `登記者代碼申請：${COMPANY.name}` }));
    await visible(desk.getByText(COMPANY.registrationNumber));
    const codeInput = await visible(desk.getByLabel('配發登記者代碼', { exact: true }));
    await expect.poll(() => codeInput.inputValue()).toMatch(/^[A-HJ-NP-Z0-9]{3}$/);
    const code = await codeInput.inputValue();
    // 配發年份: this year unless the officer says otherwise (a code carried over from an earlier system).
    const yearInput = await visible(desk.getByLabel('配發年份', { exact: true }));
    expect(await yearInput.inputValue()).toBe(String(AGENCY_YEAR));
    await yearInput.fill(String(AGENCY_YEAR - 1));
    await checkPage(desk, 'application-05-detail');
    await desk.getByRole('button', { name: '核准', exact: true }).click();
    const confirm = await visible(desk.getByRole('tooltip').filter({ hasText: `核准「${COMPANY.name}」的申請並建立登記者？` }));
    await confirm.getByRole('button', { name: '核准' }).click();
    await visible(desk.getByText(`已核准，並建立登記者「${COMPANY.name}」`));
    await visible(desk.getByRole('link', { name: '查看登記者資料' }));
    await visible(desk.getByRole('main').getByText('已核准', { exact: true }).first());
    await checkPage(desk, 'application-06-approved');
    const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
    const found = await admin.call<{ items: { id: string }[] }>('GET', `/registrants?q=${encodeURIComponent(COMPANY.name)}`);
    const codes = await admin.call<{ code: string; allocatedYear: number }[]>('GET', `/registrants/${found.items[0]?.id ?? ''}/codes`);
    expect(codes).toEqual([expect.objectContaining({ code, allocatedYear: AGENCY_YEAR - 1 })]);
    expect(officer.problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await officer.context.close();

    // 5. The approval changed the applicant's role, which ended their session (new privileges, new
    // session id): 重新整理 leads to the login page. Signed in again, the status page shows the
    // code and the registrant's menu opens.
    await page.getByRole('button', { name: '重新整理' }).click();
    await visible(loginHeading(page));
    await logIn(page, COMPANY.loginName, COMPANY.password);
    await page.goto('/application');
    await visible(page.getByText(`您的申請已核准，登記者代碼為 ${code}。`));
    const start = await visible(page.getByRole('button', { name: '開始使用：專輯/ISRC回報' }));
    await expect.poll(() => menuLinks(page)).toContain('專輯/ISRC回報');
    await checkPage(page, 'application-07-status-approved');
    await start.click();
    await page.waitForURL('**/albums');
    await visible(page.getByRole('heading', { level: 1, name: '專輯/ISRC回報' }));

    // 6. The first album and its first track with 下一個可用編號 under the new code.
    await page.getByRole('button', { name: '專輯新增', exact: true }).click();
    const createDialog = await visible(page.getByRole('dialog', { name: '專輯新增' }));
    await createDialog.getByRole('radio', { name: '數位發行' }).check();
    await createDialog.getByRole('button', { name: '專輯新增', exact: true }).click();
    await createDialog.waitFor({ state: 'hidden' });
    await page.waitForURL(/\/albums\/[0-9a-f-]{36}$/);
    await page.getByRole('tab', { name: '曲目', exact: true }).click();
    await page.getByRole('button', { name: '曲目新增', exact: true }).click();
    const addDialog = await visible(page.getByRole('dialog', { name: '曲目新增' }));
    await addDialog.getByRole('button', { name: '曲目新增', exact: true }).click();
    await page.waitForURL('**/tracks/new');
    await page.getByRole('radio', { name: '下一個可用編號' }).check();
    await page.getByLabel('曲目名稱', { exact: true }).fill('晨光');
    await page.getByLabel('表演者 1', { exact: true }).fill('晨曦樂團');
    await page.getByRole('button', { name: '儲存修改' }).click();
    await visible(page.getByText('已新增第 1 首曲目'));
    await visible(page.getByText(`TW-${code}-${YEAR}-00001`).first());
    await checkPage(page, 'application-08-first-track');

    // Beyond the first /auth/me: 重新整理 after the approval ended the applicant's session (one 401),
    // and the login page it led to may ask /auth/me once more, depending on timing.
    const endedSession = `console: Failed to load resource: the server responded with a status of 401 (Unauthorized) (${server.baseUrl}/api/v1/applications/mine)`;
    expect(applicant.problems[0]).toBe(unauthorized(server.baseUrl, '/auth/me'));
    expect(applicant.problems.filter((p) => p === endedSession)).toHaveLength(1);
    expect(applicant.problems.filter((p) => p !== endedSession && p !== unauthorized(server.baseUrl, '/auth/me'))).toEqual([]);
    await applicant.context.close();
    // Two cores shared with other work: the whole story takes minutes here.
  }, 480_000);

  it('a rejected applicant corrects the data and applies again from the same account', async () => {
    const applicantLogin = { loginName: 'sunset.lin', password: 'sunset-lin-pass-1' };
    const res = await fetch(`${server.baseUrl}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'individual', name: '林夕陽', address: '臺南市中西區', phone: '06-222-3333', email: 'sunset@example.org', ...applicantLogin }),
    });
    expect(res.status).toBe(201);
    const first = (await res.json()) as { id: string };
    const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
    await admin.call('POST', `/applications/${first.id}/reject`, { reason: '請填寫身分證上的本名。' });

    const flow = await openFlow(browser, server.baseUrl);
    const page = flow.page;
    await page.goto('/login');
    await visible(loginHeading(page));
    await page.getByLabel('帳號', { exact: true }).fill(applicantLogin.loginName);
    await page.getByLabel('密碼', { exact: true }).fill(applicantLogin.password);
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.waitForURL('**/application');
    await visible(page.getByText('未核准原因：請填寫身分證上的本名。'));
    await checkPage(page, 'application-09-rejected');

    await page.getByRole('button', { name: '重新申請' }).click();
    const name = await visible(page.getByLabel('姓名', { exact: true }));
    expect(await name.inputValue()).toBe('林夕陽');
    expect(await page.getByLabel('電子郵件', { exact: true }).inputValue()).toBe('sunset@example.org');
    await name.fill('林曉陽');
    await checkPage(page, 'application-10-reapply');
    await page.getByRole('button', { name: '送出申請' }).click();
    await visible(page.getByText('已送出新的申請，請等候審核結果。'));
    await visible(page.getByRole('main').getByText('審核中', { exact: true }).first());
    // An individual's contact person follows the corrected name.
    await expect.poll(() => page.getByRole('main').getByText('林曉陽', { exact: true }).count()).toBe(2);

    // The officers see a new pending application; the rejected one stays as it was.
    const pending = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/applications?status=pending');
    expect(pending.items.map((a) => a.name)).toContain('林曉陽');
    const old = await admin.call<{ status: string; name: string }>('GET', `/applications/${first.id}`);
    expect(old).toMatchObject({ status: 'rejected', name: '林夕陽' });

    expect(flow.problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await flow.context.close();
  }, 240_000);
});
