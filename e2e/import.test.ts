import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession, seedRegistrant, type SeededMember } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, openFlow, unauthorized, visible, waitUntil } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 專輯匯入 in a real browser, zh-TW UI: a company opens 專輯匯入 from its album list, uploads a
 * workbook with mistakes and sees every problem in the result table (確認匯入 disabled), starts
 * over, uploads a good workbook and the cover with a progress bar, sees the album and track
 * previews (dates 2026.01.02, durations m:ss), reloads the same preview from the address,
 * confirms once and lands on the new draft album. Every page passes axe.
 */

const COMPANY = { name: '山海唱片有限公司', login: { loginName: 'mountain.sea', password: 'mountain-password-1', displayName: '林山海' } };
const ALBUM_HEADINGS = ['*出版類別', '*專輯名稱', '表演者', '*發行公司', '*發行日期', '*製作公司', '*專輯類型'];
const TRACK_HEADINGS = ['*曲目序號', '是否為引用', 'ISRC編號', '*曲目名稱', '表演者', '*製作公司', '錄製長度'];
type Row = Record<string, string | number>;

const goodAlbum: Row = {
  '*出版類別': '數位發行',
  '*專輯名稱': '匯入的專輯',
  表演者: '林小安',
  '*發行公司': '山海唱片',
  '*發行日期': '2026.01.02',
  '*製作公司': '山海製作',
  '*專輯類型': '個人專輯',
};
const track = (n: number, extra: Row = {}): Row => ({
  '*曲目序號': n,
  是否為引用: '否',
  ISRC編號: '',
  '*曲目名稱': `第 ${n} 首`,
  表演者: '林小安',
  '*製作公司': '山海製作',
  錄製長度: '3:25',
  ...extra,
});

/** The template's two sheets, every cell written as text (as import-fixtures.ts builds them). */
async function workbook(album: Row, tracks: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const write = (name: string, headings: string[], rows: Row[]) => {
    const sheet = book.addWorksheet(name);
    sheet.addRow(headings);
    for (const row of rows) {
      sheet.addRow(headings.map((h) => row[h] ?? null));
    }
  };
  write('批次上傳專輯頁面欄位', ALBUM_HEADINGS, [album]);
  write('批次上傳曲目頁面欄位', TRACK_HEADINGS, tracks);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A noisy cover, so it stays large as a PNG and the upload takes a moment on a throttled link. */
async function coverPng(size: number): Promise<Buffer> {
  return sharp(randomBytes(size * size * 3), { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
}

let server: RunningServer;
let browser: Browser;
let company: SeededMember;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  company = await seedRegistrant(admin, 'company', COMPANY.name, COMPANY.login);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function choose(page: Page, label: string, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.getByLabel(label, { exact: true }).setInputFiles({ name, mimeType, buffer });
}

describe('專輯匯入 in Chromium', () => {
  it('previews every problem, then imports a good workbook with its cover into a draft album', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, company.loginName, company.password);
    await page.getByRole('button', { name: '專輯匯入', exact: true }).click();
    await page.waitForURL(/\/import$/);
    await visible(page.getByRole('heading', { level: 1, name: '專輯匯入' }));
    await visible(page.getByRole('heading', { level: 2, name: '下載批次上傳範本' }));
    const templateLink = page.getByRole('link', { name: /下載批次上傳範本（中文欄名）/ });
    expect(await templateLink.getAttribute('href')).toBe('/api/v1/import/template?lang=zh-TW&kind=album');
    await checkPage(page, 'import-1-form');

    // Nothing chosen: said beside the field, nothing sent.
    await page.getByRole('button', { name: '預覽資料' }).click();
    await visible(page.getByText('請選擇要匯入的 .xlsx 檔案'));
    // A file that is not .xlsx: refused before sending.
    await choose(page, '匯入檔案（.xlsx）', '專輯.csv', 'text/csv', Buffer.from('a,b\n'));
    await visible(page.getByText('匯入檔案須為 Excel 活頁簿（.xlsx）', { exact: false }));

    // A workbook with mistakes: every problem listed, 確認匯入 disabled.
    const bad = await workbook({ ...goodAlbum, '*發行日期': '2026.13.40' }, [track(1), track(2, { 錄製長度: '三分鐘' })]);
    await choose(page, '匯入檔案（.xlsx）', '有錯誤的專輯.xlsx', XLSX_TYPE, bad);
    await page.getByRole('button', { name: '預覽資料' }).click();
    await page.waitForURL(/\/import\?preview=[0-9a-f-]+$/);
    await visible(page.getByRole('heading', { level: 2, name: '檢查結果' }));
    const results = page.getByRole('table').first();
    for (const heading of ['狀態', '類型', '列', '欄', '訊息']) {
      await visible(results.getByRole('columnheader', { name: heading, exact: true }));
    }
    await visible(results.getByRole('row').filter({ hasText: '*發行日期' }).getByText('錯誤', { exact: true }));
    await visible(results.getByRole('row').filter({ hasText: '錄製長度' }).getByText('曲目', { exact: true }));
    // The empty ISRCs without 「下一個可用編號」: warnings only.
    await visible(results.getByRole('row').filter({ hasText: 'ISRC' }).first().getByText('警告', { exact: true }));
    await visible(page.getByText(/發現 \d+ 個錯誤/));
    expect(await page.getByRole('button', { name: '確認匯入' }).isDisabled()).toBe(true);
    await checkPage(page, 'import-2-errors');

    // Start over: the form again, the address without the preview.
    await page.getByRole('button', { name: '重新上傳' }).first().click();
    await page.waitForURL(/\/import$/);

    const good = await workbook(goodAlbum, [track(2), track(1, { 錄製長度: '1:02:05' })]);
    await choose(page, '匯入檔案（.xlsx）', '山海專輯.xlsx', XLSX_TYPE, good);
    const cover = await coverPng(700);
    expect(cover.length).toBeGreaterThan(1024 * 1024);
    await choose(page, '專輯封面', '封面.png', 'image/png', cover);
    await page.getByRole('checkbox', { name: '空白的 ISRC 使用下一個可用編號' }).check();

    // A throttled link, so the progress bar is there to see.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 500 * 1024 });
    await page.getByRole('button', { name: '預覽資料' }).click();
    await visible(page.getByRole('progressbar', { name: '匯入檔案上傳進度' }));
    await waitUntil(page, `Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) > 0`);
    await page.screenshot({ path: 'test-results/screenshots/import-3-uploading.png', fullPage: true });
    await page.waitForURL(/\/import\?preview=[0-9a-f-]+$/, { timeout: 90_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await visible(page.getByText('沒有發現問題，可以確認匯入。'));
    const albumPreview = page.locator('.ant-descriptions');
    await visible(albumPreview.getByText('匯入的專輯', { exact: true }));
    await visible(albumPreview.getByText('2026.01.02', { exact: true }));
    await visible(albumPreview.getByText('表演者：林小安', { exact: true }));
    await visible(albumPreview.getByText('已附上', { exact: true }));
    const tracks = page.getByRole('table').last();
    const first = tracks.getByRole('row').filter({ hasText: '第 1 首' });
    await visible(first.getByText('1:02:05', { exact: true }));
    await visible(first.getByText(/^TW-[A-Z0-9]{3}-\d{2}-00001$/));
    await visible(first.getByText('下一個可用編號，確認匯入時配發'));
    await visible(tracks.getByRole('row').filter({ hasText: '第 2 首' }).getByText('3:25', { exact: true }));
    await checkPage(page, 'import-4-preview');

    // The address keeps the preview: a reload shows it again.
    const previewUrl = page.url();
    await page.reload();
    await visible(page.getByText('沒有發現問題，可以確認匯入。'));
    expect(page.url()).toBe(previewUrl);

    await page.getByRole('button', { name: '確認匯入' }).click();
    await page.waitForURL(/\/albums\/[0-9a-f-]+$/);
    await visible(page.getByRole('heading', { level: 1, name: '匯入的專輯' }));
    await checkPage(page, 'import-5-album');

    // Back at the preview's address: confirmed, with a link to the same album.
    const albumPath = new URL(page.url()).pathname;
    await page.goto(previewUrl);
    await visible(page.getByText('已匯入為草稿專輯，請檢查後送出審核。').first());
    expect(await page.getByRole('link', { name: '開啟匯入的專輯' }).getAttribute('href')).toBe(albumPath);
    await checkPage(page, 'import-6-confirmed');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
