import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { seedMediaDataDir, type MediaSeed } from './media-seed.js';
import { checkPage, logIn, loginHeading, mainMenu, openFlow, unauthorized, visible } from './page-checks.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 影音檔送存 and 保存檢核 in a real browser (zh-TW): the member deposits an approved digital album's
 * audio from the album page; the officer finds the deposit on the desk with its BagIt bag, runs a
 * fixity check that passes, and, after a stored file is changed on disk, one that names the file
 * and the track it belongs to.
 */

const MEMBER = { loginName: 'media.member', password: 'member-password-1', displayName: '林小海' };
const OFFICER = { loginName: 'media.officer', password: 'officer-password-1', displayName: '陳保存' };
const TITLE = '海潮數位專輯';

let seed: MediaSeed;

/** Signs an officer in: staff land on their own start page (審核), not on the registrant's albums. */
async function logInOfficer(page: Page): Promise<void> {
  await page.getByLabel('帳號', { exact: true }).fill(OFFICER.loginName);
  await page.getByLabel('密碼', { exact: true }).fill(OFFICER.password);
  await page.getByRole('button', { name: '登入', exact: true }).click();
  await visible(mainMenu(page).getByRole('link', { name: '保存檢核' }));
}

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  seed = await seedMediaDataDir(MEMBER, OFFICER, TITLE, ['潮聲', '晨光', '歸航']);
  server = await startServer({ DATA_DIR: seed.dataDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(seed.dataDir, { recursive: true, force: true });
});

describe('影音檔送存 and 保存檢核 in Chromium (zh-TW)', () => {
  it('the member sees every track with audio and deposits the album', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, MEMBER.loginName, MEMBER.password);
    await page.goto(`/albums/${seed.albumId}`);
    await visible(page.getByRole('heading', { level: 2, name: '影音檔送存' }));
    await visible(page.getByText('已上傳影音檔：3 / 3 首'));
    expect(await page.getByText(/^已上傳（MP3，/).count()).toBe(3);
    await checkPage(page, 'audio-deposit-01-checklist');

    await page.getByRole('button', { name: '影音檔送存' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '確定送存這張專輯的影音檔？' }));
    await visible(dialog.getByText(/將送存 3 個影音檔/));
    await checkPage(page, 'audio-deposit-02-confirm');
    await dialog.getByRole('button', { name: '確定送存' }).click();
    await visible(page.getByText(/^已於 \d{4}\.\d{2}\.\d{2} 完成影音檔送存，共 3 個檔案/));
    await visible(page.getByRole('heading', { level: 3, name: '送存檔案' }));
    for (const isrc of seed.isrcs) {
      await visible(page.getByRole('cell', { name: isrc }));
    }
    await expect.poll(() => page.getByRole('button', { name: '影音檔送存' }).count()).toBe(0);
    expect(await page.getByText('已送存').count()).toBeGreaterThanOrEqual(1);
    await checkPage(page, 'audio-deposit-03-deposited');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('the officer downloads the BagIt bag from the deposit desk', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logInOfficer(page);
    await mainMenu(page).getByRole('link', { name: '送存' }).click();
    await page.waitForURL('**/admin/deposits');
    await page.getByRole('tab', { name: '影音檔送存紀錄' }).click();
    const link = await visible(page.getByRole('link', { name: `下載 BagIt 封包：${TITLE}` }));
    await checkPage(page, 'audio-deposit-04-desk');
    const href = await link.getAttribute('href');
    const bag = await page.request.get(href ?? '');
    expect(bag.status()).toBe(200);
    expect(bag.headers()['content-disposition']).toBe(`attachment; filename="album-${seed.albumNumber}-bag.zip"`);
    expect((await bag.body()).subarray(0, 2).toString()).toBe('PK');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('the officer runs 保存檢核: all pass, then a changed file is named with its track', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logInOfficer(page);
    // 背景工作 is the administrators' page, not in an officer's menu.
    expect(await mainMenu(page).getByRole('link', { name: '背景工作' }).count()).toBe(0);
    await mainMenu(page).getByRole('link', { name: '保存檢核' }).click();
    await page.waitForURL('**/admin/fixity');
    await visible(page.getByRole('heading', { level: 1, name: '保存檢核' }));
    await visible(page.getByText('尚未執行過保存檢核，請點選「開始檢核」。'));
    await checkPage(page, 'fixity-01-empty');

    await page.getByRole('button', { name: '開始檢核' }).click();
    await visible(page.getByText('所有檔案的檢查碼皆與存入時相符。'));
    await visible(page.getByText('已檢核 3 / 3 個檔案'));
    await checkPage(page, 'fixity-02-passed');

    fs.writeFileSync(path.join(seed.dataDir, 'files', ...seed.storageKeys[1]!.split('/')), 'changed on disk');
    await page.getByRole('button', { name: '開始檢核' }).click();
    await visible(page.getByText('有 1 個檔案未通過檢核，請檢查下列檔案並通知系統管理者從備份還原。'));
    await visible(page.getByRole('cell', { name: '檢查碼不符', exact: true }));
    await visible(page.getByRole('link', { name: `專輯 ${seed.albumNumber} 曲目 ${seed.isrcs[1]} 的影音檔` }));
    await visible(page.getByRole('link', { name: `專輯 ${seed.albumNumber} 送存的 ${seed.isrcs[1]} 影音檔` }));
    expect(await page.getByRole('row').count()).toBeGreaterThanOrEqual(4);
    // Why, from the stable code: in the page's language ("changed on disk" is 15 bytes).
    await visible(page.getByText(/實際讀到 15 位元組、檢查碼 [0-9a-f]{12}…/u));
    await checkPage(page, 'fixity-03-failure');
    await page.getByRole('group', { name: '語言' }).getByRole('button', { name: 'English' }).click();
    await visible(page.getByText(/; read 15 bytes with checksum /u));
    await expect.poll(() => page.getByText('實際讀到').count()).toBe(0);
    await checkPage(page, 'fixity-04-failure-english');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
