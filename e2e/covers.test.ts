import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FileChooser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { ApiSession, seedRegistrant, type SeededMember } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, openFlow, unauthorized, visible, waitUntil } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 專輯封面 in a real browser: a company picks a cover in the album form (the size checked before
 * sending, the upload shown with a progress bar), sees the thumbnail in the form, the album header
 * and the album list, gets the server's message beside the field for a file that is no image, and
 * removes the cover with the keyboard.
 */

const COMPANY = { name: '晴空音樂有限公司', login: { loginName: 'clearsky.music', password: 'company-password-1', displayName: '林雅婷' } };
const TITLE = '夏日微風';

let server: RunningServer;
let browser: Browser;
let company: SeededMember;
let albumId: string;

/** A noisy image, so it stays large as a PNG (the upload then takes a while on a throttled link). */
async function coverPng(width: number, height: number): Promise<Buffer> {
  const noise = randomBytes(width * height * 3);
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .composite([{ input: { create: { width: width / 2, height: height / 2, channels: 3, background: '#f5a623' } }, gravity: 'centre' }])
    .png()
    .toBuffer();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  company = await seedRegistrant(admin, 'company', COMPANY.name, COMPANY.login);
  const session = await ApiSession.login(server.baseUrl, company.loginName, company.password);
  const album = await session.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  await session.call('PATCH', `/albums/${album.id}`, { title: TITLE, credits: [{ role: 'performer', names: ['林小晴'] }] });
  albumId = album.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits until the image with this alt text has really been decoded (not a broken-image box). */
async function decoded(page: Page, alt: string): Promise<void> {
  await waitUntil(page, `Array.from(document.querySelectorAll('img')).some((img) => img.alt === ${JSON.stringify(alt)} && img.complete && img.naturalWidth > 0)`);
}

/**
 * Opens the file chooser with Enter on `button`. A button still busy from the last upload ignores
 * Enter, so it waits until the button is ready and tries again (at most three times) rather than
 * failing on a click that landed too early.
 */
async function chooserByKeyboard(page: Page, button: Locator): Promise<FileChooser> {
  for (let attempt = 1; ; attempt++) {
    await expect.poll(async () => (await button.isDisabled()) || ((await button.getAttribute('class')) ?? '').includes('ant-btn-loading')).toBe(false);
    await button.focus();
    const opened = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.keyboard.press('Enter');
    try {
      return await opened;
    } catch (err) {
      if (attempt === 3) {
        throw err;
      }
    }
  }
}

describe('album cover (專輯封面)', () => {
  it('uploads a cover with progress and shows it in the form, the header and the list', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, company.loginName, company.password);
    await page.goto(`/albums/${albumId}`);
    await visible(page.getByRole('heading', { level: 1, name: TITLE }));
    await visible(page.getByRole('button', { name: '選擇封面圖檔' }));
    await visible(page.getByText('JPG、PNG 或 GIF，5 MB 以內'));
    await checkPage(page, 'covers-1-form');

    // Checked in the browser before anything is sent: over 5 MB.
    await page.locator('#album_cover').setInputFiles({ name: '太大的封面.png', mimeType: 'image/png', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 1) });
    await visible(page.getByText('專輯封面檔案過大：上限為 5 MB，請縮小或壓縮圖片後再上傳。'));
    await checkPage(page, 'covers-2-too-large');

    // A throttled link, so the progress bar is there to see.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });
    const bytes = await coverPng(800, 800);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    await page.locator('#album_cover').setInputFiles({ name: '夏日微風-封面.png', mimeType: 'image/png', buffer: bytes });
    const bar = await visible(page.getByRole('progressbar', { name: '專輯封面上傳進度' }));
    await visible(page.getByText('正在上傳 夏日微風-封面.png…'));
    await waitUntil(page, `Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) > 0`);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: 'test-results/screenshots/covers-3-uploading.png', fullPage: true });
    await bar.waitFor({ state: 'detached', timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await visible(page.getByText('已上傳專輯封面'));
    await decoded(page, `專輯封面預覽：${TITLE}`);
    await visible(page.getByText('800 × 800 像素'));
    await decoded(page, TITLE); // the header's thumbnail, named by the album's title
    await visible(page.getByRole('button', { name: '更換封面' }));
    await checkPage(page, 'covers-4-uploaded');

    await page.getByRole('link', { name: '← 回到專輯列表' }).click();
    await page.waitForURL('**/albums');
    await visible(page.getByRole('columnheader', { name: '封面' }));
    const row = await visible(page.getByRole('row').filter({ hasText: TITLE }));
    await waitUntil(page, `Array.from(document.querySelectorAll('td img.cover-thumb')).some((img) => img.complete && img.naturalWidth > 0)`);
    expect(await row.locator('img.cover-thumb').getAttribute('alt')).toBe('');
    await checkPage(page, 'covers-5-list');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('shows the server’s refusal beside the field, and replaces and removes the cover with the keyboard', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, company.loginName, company.password);
    await page.goto(`/albums/${albumId}`);
    await decoded(page, `專輯封面預覽：${TITLE}`);

    // A text file named .jpg passes the browser's check; the server decides by content.
    await page.locator('#album_cover').setInputFiles({ name: '不是圖片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('這不是圖片。\n'.repeat(20)) });
    await visible(page.getByText('專輯封面僅接受 JPG、PNG 或 GIF 圖檔（依檔案內容判斷，更改副檔名無效）。'));
    await decoded(page, `專輯封面預覽：${TITLE}`);
    await checkPage(page, 'covers-6-refused');

    // 更換封面 by keyboard: Enter on the button opens the file chooser.
    const chooser = await chooserByKeyboard(page, page.getByRole('button', { name: '更換封面' }));
    const gif = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#2f7dd1' } })
      .gif()
      .toBuffer();
    await chooser.setFiles({ name: 'cover.gif', mimeType: 'image/gif', buffer: gif });
    await visible(page.getByText('300 × 300 像素'));

    // 移除 by keyboard: Tab from 更換封面, Enter, then confirm.
    await page.getByRole('button', { name: '更換封面' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe('移除專輯封面');
    await page.keyboard.press('Enter');
    const confirm = await visible(page.getByRole('tooltip').filter({ hasText: '確定移除專輯封面？' }));
    await checkPage(page, 'covers-7-remove-confirm');
    await confirm.getByRole('button', { name: '移除' }).click();
    await visible(page.getByText('已移除專輯封面'));
    await visible(page.getByRole('button', { name: '選擇封面圖檔' }));
    expect(await page.locator('img.cover-thumb').count()).toBe(0);
    await checkPage(page, 'covers-8-removed');

    expect(problems).toEqual([
      unauthorized(server.baseUrl, '/auth/me'),
      `console: Failed to load resource: the server responded with a status of 415 (Unsupported Media Type) (${server.baseUrl}/api/v1/albums/${albumId}/cover)`,
    ]);
    await context.close();
  });
});
