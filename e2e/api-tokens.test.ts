import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession, seedRegistrant, type SeededMember } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * API 權杖 on the account page (修改密碼), zh-TW UI: a registrant member creates a token, sees it
 * once with a copy button, an integration uses it, and revoking it (asked once) stops it at once.
 */

let server: RunningServer;
let browser: Browser;
let member: SeededMember;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  member = await seedRegistrant(admin, 'company', '星河唱片有限公司', { loginName: 'galaxy.records', password: 'galaxy-password-1', displayName: '陳星河' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function listAlbumsWith(token: string): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${server.baseUrl}/api/v1/albums`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, ...(body.error === undefined ? {} : { code: body.error.code }) };
}

describe('API 權杖 in Chromium', () => {
  it('creates a token shown once, lists it, and revokes it with one confirmation', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    await page.goto('/login');
    await logIn(page, member.loginName, member.password);

    await page.goto('/change-password');
    const section = page.getByRole('heading', { level: 2, name: 'API 權杖' });
    await visible(section);
    await visible(page.getByText('尚無 API 權杖，請在上方輸入名稱後點選「新增權杖」。'));
    await checkPage(page, 'api-tokens-01-empty');

    // A name is required, said next to the field.
    await page.getByRole('button', { name: '新增權杖' }).click();
    await visible(page.getByText('請輸入權杖名稱'));
    await page.getByLabel('權杖名稱').fill('上架系統');
    await page.getByRole('button', { name: '新增權杖' }).click();

    const tokenBox = page.getByLabel('新權杖');
    await visible(tokenBox);
    const token = await tokenBox.inputValue();
    expect(token).toMatch(/^isrc_[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: '複製權杖' }).click();
    await visible(page.getByText('已複製權杖'));
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(token);
    await visible(page.getByRole('cell', { name: '上架系統', exact: true }));
    await checkPage(page, 'api-tokens-02-created');

    // The integration's view: the token works without a browser.
    expect(await listAlbumsWith(token)).toEqual({ status: 200 });

    // Closed, the token is gone from the page for good; the list keeps its first characters only.
    await page.getByRole('button', { name: '我已保存，關閉' }).click();
    await tokenBox.waitFor({ state: 'detached' });
    await visible(page.getByText(`${token.slice(0, 13)}…`));
    expect(await page.content()).not.toContain(token);
    await page.reload();
    await visible(page.getByRole('cell', { name: '上架系統', exact: true }));
    await visible(page.getByRole('cell', { name: '不會過期' }));
    await checkPage(page, 'api-tokens-03-listed');

    await page.getByRole('button', { name: '撤銷 上架系統' }).click();
    await visible(page.getByText('撤銷權杖「上架系統」？'));
    await checkPage(page, 'api-tokens-04-confirm');
    await page.getByRole('button', { name: '撤銷', exact: true }).click();
    await visible(page.getByText('已撤銷權杖「上架系統」'));
    await visible(page.getByText('尚無 API 權杖，請在上方輸入名稱後點選「新增權杖」。'));
    expect(await listAlbumsWith(token)).toEqual({ status: 401, code: 'API_TOKEN_REVOKED' });
    await checkPage(page, 'api-tokens-05-revoked');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
