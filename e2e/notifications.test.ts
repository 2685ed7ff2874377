import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';
import { startTestSmtp, type TestSmtp } from '../test/integration/notifications-smtp.js';

/**
 * 通知 in a real browser (zh-TW), against the real server with SMTP_URL set to an in-process SMTP
 * server: a returned album reaches the member in the header's count, on the page and by e-mail.
 */

const MEMBER = { loginName: 'notify.member', password: 'member-password-1', displayName: '陳美玲', email: 'meiling@example.com' };
const TITLE = '通知測試專輯';

let server: RunningServer;
let browser: Browser;
let smtp: TestSmtp;
let albumId = '';

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startServer({ SMTP_URL: smtp.url, SMTP_FROM: 'ISRC <isrc@example.org>', PUBLIC_URL: 'https://isrc.example.org' });
  browser = await launchBrowser();

  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  // The generated-password rule does not apply (ISRC_ADMIN_PASSWORD is set).
  const registrant = await admin.call<{ id: string }>('POST', '/registrants', { kind: 'company', name: '晴空唱片有限公司', contactPerson: MEMBER.displayName });
  await admin.call('POST', `/registrants/${registrant.id}/codes`, {});
  await admin.call('POST', `/registrants/${registrant.id}/users`, MEMBER);
  const member = await ApiSession.login(server.baseUrl, MEMBER.loginName, MEMBER.password);
  const credits = [{ role: 'performer', names: ['晴空樂團'] }];
  const album = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  albumId = album.id;
  await member.call('PATCH', `/albums/${album.id}`, { title: TITLE, credits, publisher: '晴空唱片', releaseDate: '2025.05.01', productionCompany: '晴空製作', albumType: 'single' });
  await member.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'next' }, recording: { title: '第一首', credits, productionCompany: '晴空製作', duration: '0:03:45' } });
  await member.call('POST', `/albums/${album.id}/submit`);
  await admin.call('POST', `/albums/${album.id}/return`, { reason: '請補上錄音日期' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe('notifications in Chromium (zh-TW)', () => {
  it('shows the unread count in the header, lists the notification, opens the album and marks it read', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, MEMBER.loginName, MEMBER.password);

    const link = await visible(page.getByRole('banner').getByRole('link', { name: '通知，1 則未讀' }));
    await link.click();
    await page.waitForURL('**/notifications');
    await visible(page.getByRole('heading', { level: 1, name: '通知' }));
    const message = await visible(page.getByRole('link', { name: new RegExp(`^專輯已退回：${TITLE}（專輯編號 \\d+）$`) }));
    await visible(page.getByRole('cell', { name: '未讀', exact: true }));
    await checkPage(page, 'notifications-01-unread');

    await page.getByRole('button', { name: /^將「專輯已退回：.+」標為已讀$/ }).click();
    await visible(page.getByRole('banner').getByRole('link', { name: '通知', exact: true }));
    await visible(page.getByRole('cell', { name: '已讀', exact: true }));
    await checkPage(page, 'notifications-02-read');

    // antd's button-style radios hide the input under their label: click the label, as a person does.
    await page
      .locator('label')
      .filter({ has: page.getByRole('radio', { name: '未讀' }) })
      .click();
    await visible(page.getByText('沒有未讀的通知。'));

    await page
      .locator('label')
      .filter({ has: page.getByRole('radio', { name: '全部' }) })
      .click();
    await message.click();
    await page.waitForURL(`**/albums/${albumId}`);

    // The e-mail copy went out from the server's mailer, in the member's language, linking to the album.
    await expect.poll(() => smtp.received.filter((m) => JSON.stringify(m.to).includes(MEMBER.email)).length, { timeout: 20_000 }).toBe(1);
    const mail = smtp.received.find((m) => JSON.stringify(m.to).includes(MEMBER.email));
    expect(mail?.subject).toMatch(new RegExp(`^專輯已退回：${TITLE}（專輯編號 \\d+）$`));
    expect(mail?.text).toContain(`https://isrc.example.org/albums/${albumId}`);
    expect(mail?.text).toContain('退回原因：請補上錄音日期');

    // On a phone the count stays in the header's one short row, beside 選單.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/notifications');
    await visible(page.getByRole('banner').getByRole('link', { name: '通知', exact: true }));
    await visible(page.getByRole('button', { name: '選單' }));
    await checkPage(page, 'notifications-03-phone');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
