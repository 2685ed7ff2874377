import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession, seedRegistrant, type SeededMember } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, openFlow, unauthorized, visible, waitUntil } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 專輯匯入 of a back catalogue (回溯編碼) in a real browser, zh-TW UI: the catalogue template is offered,
 * a workbook whose ISRC repeats across two albums lists the problem with its 專輯代號 (確認匯入
 * disabled), a good 25-album workbook without a cover previews grouped by album (paged, each album
 * opened to its tracks), and one 確認匯入 with a progress bar creates all 25 draft albums. Every
 * page passes axe.
 */

const COMPANY = { name: '回溯唱片有限公司', login: { loginName: 'back.catalogue', password: 'back-catalogue-pass-1', displayName: '陳回溯' } };
const ALBUM_HEADINGS = ['*專輯代號', '*出版類別', '*專輯名稱', '表演者', '*發行公司', '*發行日期', '*製作公司', '*專輯類型'];
const TRACK_HEADINGS = ['*專輯代號', '*曲目序號', '是否為引用', 'ISRC編號', '*曲目名稱', '表演者', '*製作公司', '錄製長度'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `albums` albums keyed A1…, two tracks each; `isrc(album, track)` gives each track's ISRC cell. */
async function catalogue(albums: number, isrc: (album: number, track: number) => string = () => ''): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const albumSheet = book.addWorksheet('批次上傳專輯頁面欄位');
  const trackSheet = book.addWorksheet('批次上傳曲目頁面欄位');
  albumSheet.addRow(ALBUM_HEADINGS);
  trackSheet.addRow(TRACK_HEADINGS);
  for (let a = 1; a <= albums; a++) {
    albumSheet.addRow([`A${a}`, '實體發行', `回溯專輯 ${a}`, '陳回溯', '回溯唱片', `${2000 + a}.03`, '回溯製作', '個人專輯']);
    for (let t = 1; t <= 2; t++) {
      trackSheet.addRow([`A${a}`, t, '否', isrc(a, t), `專輯 ${a} 第 ${t} 首`, '陳回溯', '回溯製作', `3:${String(10 + t).padStart(2, '0')}`]);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
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

async function chooseWorkbook(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('匯入檔案（.xlsx）', { exact: true }).setInputFiles({ name, mimeType: XLSX_TYPE, buffer });
}

describe('專輯匯入 of a back catalogue in Chromium', () => {
  it('lists problems by album key, previews 25 albums grouped and paged, and confirms them all at once', async () => {
    const { page, context, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, company.loginName, company.password);
    await page.goto('/import');
    await visible(page.getByRole('heading', { level: 1, name: '專輯匯入' }));
    const link = page.getByRole('link', { name: /下載多張專輯範本（中文欄名）/ });
    expect(await link.getAttribute('href')).toBe('/api/v1/import/template?lang=zh-TW&kind=catalogue');
    await visible(page.getByText('多張專輯的檔案不需封面', { exact: false }).first());
    await checkPage(page, 'import-catalogue-1-form');

    // The same ISRC in album A1 and album A2: named with its row and album key.
    await chooseWorkbook(page, '有錯誤的回溯.xlsx', await catalogue(2, (a, t) => (t === 1 ? 'TWZZZ2600001' : '')));
    await page.getByRole('button', { name: '預覽資料' }).click();
    await page.waitForURL(/\/import\?preview=[0-9a-f-]+$/);
    const results = page.getByRole('table').first();
    await visible(results.getByRole('columnheader', { name: '專輯代號', exact: true }));
    await visible(results.getByRole('row').filter({ hasText: '（專輯代號 A1）' }).getByText('A2', { exact: true }));
    expect(await page.getByRole('button', { name: '確認匯入' }).isDisabled()).toBe(true);
    await checkPage(page, 'import-catalogue-2-errors');

    await page.getByRole('button', { name: '重新上傳' }).first().click();
    await page.waitForURL(/\/import$/);
    await chooseWorkbook(page, '回溯目錄.xlsx', await catalogue(25));
    await page.getByRole('checkbox', { name: '空白的 ISRC 使用下一個可用編號' }).check();
    await page.getByRole('button', { name: '預覽資料' }).click();
    await page.waitForURL(/\/import\?preview=[0-9a-f-]+$/, { timeout: 120_000 });
    await visible(page.getByText('沒有發現問題，可以確認匯入。'));
    await visible(page.getByText('共 25 張專輯、50 首曲目', { exact: false }));
    const grouped = page.getByRole('table').last();
    await visible(grouped.getByRole('cell', { name: '回溯專輯 1', exact: true }));
    // The next page of albums comes from the server.
    await page.locator('.ant-pagination-item-3').click();
    await visible(grouped.getByRole('cell', { name: '回溯專輯 21', exact: true }));
    await grouped.getByRole('row').filter({ hasText: '回溯專輯 21' }).getByRole('button').first().click();
    await visible(page.getByText('專輯 21 第 2 首', { exact: true }));
    await visible(page.getByText('2021.03', { exact: true }).first());
    await checkPage(page, 'import-catalogue-3-preview');

    await page.getByRole('button', { name: '確認匯入' }).click();
    await waitUntil(page, `document.body.innerText.includes('已匯入 25 張草稿專輯')`, 180_000);
    expect(await page.getByRole('link', { name: '開啟專輯列表' }).getAttribute('href')).toBe('/albums');
    await checkPage(page, 'import-catalogue-4-confirmed');

    await page.getByRole('link', { name: '開啟專輯列表' }).click();
    await visible(page.getByText('回溯專輯 25', { exact: true }).first());
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
