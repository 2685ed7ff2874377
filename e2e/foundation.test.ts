import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, mainMenu, openFlow as openSharedFlow, settled, unauthorized as unauthorizedAt, visible, type Flow } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * The foundation issue in a real browser, zh-TW UI: sign-in, the agency admin creating a company
 * registrant with a code and a user, and that user signing in to their own menu.
 */

const APP_NAME = 'ISRC 國際標準錄音錄影資料代碼管理系統';
const REGISTRANT = {
  name: '測試唱片有限公司',
  contactPerson: '王小明',
  address: '臺北市中正區中山南路 20 號',
  phone: '+886 2 2361-9132',
  email: 'contact@test-records.example',
};
const MEMBER = { loginName: 'test.records', displayName: '陳美玲', email: 'meiling@test-records.example', password: 'member-password-1' };

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

/** A fresh context for this file's server and browser. */
function openFlow(reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<Flow> {
  return openSharedFlow(browser, server.baseUrl, reducedMotion);
}

function unauthorized(apiPath: '/auth/me' | '/auth/login'): string {
  return unauthorizedAt(server.baseUrl, apiPath);
}

/** The id of the focused element (this tsconfig has no DOM types: the expression runs in the page). */
async function focusedId(page: Page): Promise<string> {
  return page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');
}

async function htmlLang(page: Page): Promise<string> {
  return page.evaluate<string>('document.documentElement.lang');
}

describe('foundation: sign-in, registrants, codes and users in Chromium (zh-TW)', () => {
  it('shows the server message for a wrong password and signs in with the keyboard alone', async () => {
    const { context, page, problems } = await openFlow();
    await page.goto('/login');
    await visible(loginHeading(page));

    const loginName = page.getByLabel('帳號', { exact: true });
    const password = page.getByLabel('密碼', { exact: true });
    await loginName.focus();
    expect(await focusedId(page)).toBe(await loginName.getAttribute('id'));
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    expect(await focusedId(page), 'Tab moves from 帳號 to 密碼').toBe(await password.getAttribute('id'));
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');

    const alert = await visible(page.getByRole('alert').filter({ hasText: '帳號或密碼錯誤，請再試一次。' }));
    expect(await alert.textContent()).toContain('帳號或密碼錯誤，請再試一次。');
    expect(new URL(page.url()).pathname).toBe('/login');
    await checkPage(page, '02-login-wrong-password');

    // Correct the password, still by keyboard only: Enter in the field submits the form.
    await password.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(E2E_ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    // An officer's home is 審核, their work (registrants land on their albums).
    await page.waitForURL('**/review');
    await visible(page.getByRole('heading', { level: 1, name: '審核', exact: true }));

    expect(problems).toEqual([unauthorized('/auth/me'), unauthorized('/auth/login')]);
    await context.close();
  });

  it('switches the login page to English', async () => {
    const { context, page, problems } = await openFlow();
    await page.goto('/login');
    await visible(loginHeading(page));
    expect(await htmlLang(page)).toBe('zh-Hant-TW');

    await page.getByRole('group', { name: '語言' }).getByRole('button', { name: 'English' }).click();
    await visible(loginHeading(page, 'Log in'));
    expect(await htmlLang(page)).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await visible(page.getByLabel('Account', { exact: true }));
    await visible(page.getByLabel('Password', { exact: true }));
    await visible(page.getByRole('button', { name: 'Log in', exact: true }));
    expect(await page.title()).toBe('Log in – ISRC Registry – International Standard Recording Code');
    await checkPage(page, '03-login-english');

    expect(problems).toEqual([unauthorized('/auth/me')]);
    await context.close();
  });

  it('admin creates a company registrant with a code and a user, who then signs in to their own menu', async () => {
    const { context, page, problems } = await openFlow();

    // 1. "/" sends a visitor to the login page.
    await page.goto('/');
    await page.waitForURL('**/login');
    await visible(loginHeading(page));
    expect(await page.title()).toBe(`登入 – ${APP_NAME}`);
    expect(await htmlLang(page)).toBe('zh-Hant-TW');
    await checkPage(page, '01-login');

    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    const banner = page.getByRole('banner');
    await visible(banner.getByText('系統管理者'));
    await visible(banner.getByText('管理中心管理員'));
    // Officers start on 審核, their work.
    expect(await page.title()).toBe(`審核 – ${APP_NAME}`);
    await checkPage(page, '04-admin-review');

    // 2. 登記者 → 新增登記者 (company).
    await mainMenu(page).getByRole('link', { name: '登記者', exact: true }).click();
    await page.waitForURL('**/admin/registrants');
    await visible(page.getByRole('heading', { level: 1, name: '登記者', exact: true }));
    await visible(page.getByText('尚無登記者，請點選「新增登記者」建立第一筆資料。'));
    await checkPage(page, '05-registrants-empty');

    await page.getByRole('button', { name: '新增登記者' }).click();
    const createDialog = await visible(page.getByRole('dialog', { name: '新增登記者' }));
    await createDialog.getByRole('radio', { name: '公司' }).check();
    await createDialog.getByLabel('名稱', { exact: true }).fill(REGISTRANT.name);
    await createDialog.getByLabel('聯絡人', { exact: true }).fill(REGISTRANT.contactPerson);
    await createDialog.getByLabel('地址', { exact: true }).fill(REGISTRANT.address);
    await createDialog.getByLabel('電話', { exact: true }).fill(REGISTRANT.phone);
    await createDialog.getByLabel('電子郵件', { exact: true }).fill(REGISTRANT.email);
    await checkPage(page, '06-create-registrant');
    await createDialog.getByRole('button', { name: '儲存' }).click();
    await createDialog.waitFor({ state: 'hidden' });

    // Saving opens the new registrant; back to the list, which now has it, and open it from there.
    await page.waitForURL('**/admin/registrants/*');
    await visible(page.getByRole('heading', { level: 1, name: REGISTRANT.name }));
    await page.getByRole('link', { name: '← 回到登記者列表' }).click();
    await page.waitForURL('**/admin/registrants');
    const row = await visible(page.getByRole('row').filter({ hasText: REGISTRANT.name }));
    await visible(row.getByRole('cell', { name: '公司', exact: true }));
    await visible(row.getByRole('cell', { name: '啟用', exact: true }));
    await checkPage(page, '07-registrants-list');

    await row.getByRole('link', { name: REGISTRANT.name }).click();
    await page.waitForURL('**/admin/registrants/*');
    await visible(page.getByRole('heading', { level: 1, name: REGISTRANT.name }));
    // Focus moves to the new page for screen readers, without scrolling the header and menu away.
    expect(await focusedId(page)).toBe('main');
    expect(await page.evaluate<number>('window.scrollY')).toBe(0);
    expect(await page.title()).toBe(`${REGISTRANT.name} – ${APP_NAME}`);
    const basicInfo = page.getByRole('main');
    expect(await basicInfo.getByLabel('聯絡人', { exact: true }).inputValue()).toBe(REGISTRANT.contactPerson);
    expect(await basicInfo.getByLabel('電話', { exact: true }).inputValue()).toBe(REGISTRANT.phone);
    await visible(page.getByText('尚未配發登記者代碼，請點選「配發登記者代碼」。'));
    await visible(page.getByText('此登記者尚無使用者帳號，請點選「新增使用者」。'));
    await checkPage(page, '08-registrant-detail');

    // 配發登記者代碼: accept the server's suggestion.
    await page.getByRole('button', { name: '配發登記者代碼' }).click();
    const codeDialog = await visible(page.getByRole('dialog', { name: `配發登記者代碼給「${REGISTRANT.name}」` }));
    const codeInput = codeDialog.getByLabel('登記者代碼', { exact: true });
    await expect.poll(() => codeInput.inputValue(), { timeout: 10_000 }).toMatch(/^[A-Z0-9]{3}$/);
    const code = await codeInput.inputValue();
    await checkPage(page, '09-allocate-code');
    await codeDialog.getByRole('button', { name: '儲存' }).click();
    await codeDialog.waitFor({ state: 'hidden' });
    await visible(page.getByRole('cell', { name: `TW-${code}`, exact: true }));

    // 新增使用者 for the registrant.
    await page.getByRole('button', { name: '新增使用者' }).click();
    const userDialog = await visible(page.getByRole('dialog', { name: `新增「${REGISTRANT.name}」的使用者` }));
    await userDialog.getByLabel('帳號', { exact: true }).fill(MEMBER.loginName);
    await userDialog.getByLabel('姓名', { exact: true }).fill(MEMBER.displayName);
    await userDialog.getByLabel('電子郵件', { exact: true }).fill(MEMBER.email);
    await userDialog.getByLabel('初始密碼', { exact: true }).fill(MEMBER.password);
    await checkPage(page, '10-create-user');
    await userDialog.getByRole('button', { name: '儲存' }).click();
    await userDialog.waitFor({ state: 'hidden' });
    const userRow = await visible(page.getByRole('row').filter({ hasText: MEMBER.loginName }));
    await visible(userRow.getByRole('cell', { name: MEMBER.displayName, exact: true }));
    await checkPage(page, '11-registrant-with-code-and-user');

    // 3. 登出, then sign in as the new user.
    await mainMenu(page).getByRole('button', { name: '登出' }).click();
    await page.waitForURL('**/login');
    await visible(loginHeading(page));
    await logIn(page, MEMBER.loginName, MEMBER.password);

    await visible(banner.getByText(MEMBER.displayName));
    await visible(banner.getByText(REGISTRANT.name));
    const menu = mainMenu(page);
    const menuLinks = await menu.getByRole('link').allTextContents();
    expect(menuLinks).toEqual(['專輯/ISRC回報', '出版者資料異動申請單', '年度使用編號查詢', '年度回報量統計表', '業者操作手冊', '修改密碼']);
    expect(await menu.getByRole('link', { name: '登記者', exact: true }).count()).toBe(0);
    await visible(menu.getByRole('button', { name: '登出' }));
    await checkPage(page, '12-member-albums');

    // A member who types the staff address gets the no-permission page, not the registrants.
    await page.goto('/admin/registrants');
    await visible(page.getByRole('heading', { level: 1, name: '沒有使用權限' }));
    await checkPage(page, '13-member-forbidden');

    expect(problems).toEqual([unauthorized('/auth/me')]);
    await context.close();
  });

  it('opens and closes dialogs for users who ask the system for reduced motion', async () => {
    const { context, page, problems } = await openFlow('reduce');
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await mainMenu(page).getByRole('link', { name: '登記者', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: '登記者', exact: true }));

    // With CSS animations off, a dialog that waits for its opening animation stays transparent.
    // Settled first: even without motion, antd shows a dialog's first frame or two transparent.
    await page.getByRole('button', { name: '新增登記者' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '新增登記者' }));
    await settled(page);
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('[role="dialog"]')).opacity`)).toBe('1');
    await checkPage(page, '14-reduced-motion-dialog');

    // Closed, it must leave nothing over the page: the menu still answers clicks.
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await mainMenu(page).getByRole('link', { name: '帳號管理' }).click();
    await page.waitForURL('**/admin/users');
    await visible(page.getByRole('heading', { level: 1, name: '帳號管理' }));
    await checkPage(page, '15-reduced-motion-users');

    expect(problems).toEqual([unauthorized('/auth/me')]);
    await context.close();
  });
});
