import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ApiSession, seedApprovedRecording, seedRegistrant } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 查詢 in a real browser, zh-TW UI: an officer finds a recording by its ISRC typed in lower case,
 * finds two registrants' albums by one word, and sees the empty state; every page passes axe.
 */

const WORD = '晨曦';
let server: RunningServer;
let browser: Browser;
let recording: { isrc: string; isrcDisplay: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  const first = await seedRegistrant(admin, 'company', '晨曦唱片有限公司', { loginName: 'dawn.records', password: 'dawn-password-1', displayName: '林晨' });
  const second = await seedRegistrant(admin, 'company', '海風音樂', { loginName: 'sea.music', password: 'sea-password-1', displayName: '吳海' });
  recording = await seedApprovedRecording(admin, await ApiSession.login(server.baseUrl, first.loginName, first.password), `${WORD}之歌`, '第一道光', '晨曦樂團');
  const sea = await ApiSession.login(server.baseUrl, second.loginName, second.password);
  const album = await sea.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  await sea.call('PATCH', `/albums/${album.id}`, { title: `海上${WORD}` });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('查詢 (agency-wide search) in Chromium', () => {
  it('finds by ISRC in any spelling and by a word across registrants, with links and an empty state', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);

    await page.goto('/admin/search');
    await visible(page.getByRole('heading', { level: 1, name: '查詢' }));
    const box = page.getByLabel('查詢內容', { exact: true });
    await visible(box);
    await checkPage(page, 'search-01-start');

    // An ISRC typed in lower case with hyphens: read as an ISRC, shown in display form.
    await box.fill(recording.isrcDisplay.toLowerCase());
    await box.press('Enter');
    await page.waitForURL(/\/admin\/search\?q=/);
    await visible(page.getByText(`以 ISRC ${recording.isrcDisplay} 查詢`));
    const recordings = page.getByRole('region', { name: '曲目（錄音）' });
    await visible(recordings.getByText(recording.isrcDisplay, { exact: true }));
    await visible(recordings.getByRole('link', { name: /晨曦之歌/ }));
    await checkPage(page, 'search-02-isrc');

    // One word: both registrants' albums, each linking to its review page.
    await box.fill(WORD);
    await page.getByRole('button', { name: '查詢', exact: true }).click();
    const albums = page.getByRole('region', { name: '專輯' });
    await visible(albums.getByText('共 2 筆'));
    await visible(albums.getByRole('link', { name: `海上${WORD}` }));
    await visible(page.getByRole('region', { name: '登記者' }).getByRole('link', { name: '晨曦唱片有限公司' }));
    await checkPage(page, 'search-03-word');
    await albums.getByRole('link', { name: `海上${WORD}` }).click();
    await page.waitForURL(/\/review\/[0-9a-f-]+$/);
    await page.goBack();
    await page.waitForURL(/\/admin\/search\?q=/);

    await box.fill('不存在的名稱xyz');
    await box.press('Enter');
    await visible(page.getByText('找不到符合「不存在的名稱xyz」的資料'));
    await checkPage(page, 'search-04-nothing');

    // Opening /login asks /auth/me before anyone has signed in (401, the app's normal flow).
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('says honestly when a group has more than 100 matches, and pages through it', async () => {
    const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
    for (let i = 1; i <= 101; i++) {
      await admin.call('POST', '/registrants', { kind: 'company', name: `大量測試 ${String(i).padStart(3, '0')}`, contactPerson: '測試' });
    }
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.goto(`/admin/search?q=${encodeURIComponent('大量測試')}`);
    const registrants = page.getByRole('region', { name: '登記者' });
    await visible(registrants.getByText('超過 100 筆，請縮小範圍'));
    await registrants.getByRole('button', { name: '查看全部登記者結果' }).click();
    await page.waitForURL(/kind=registrants/);
    await registrants.getByTitle('2', { exact: true }).click();
    await page.waitForURL(/page=2/);
    await visible(registrants.getByRole('link', { name: '大量測試 011' }));
    await checkPage(page, 'search-05-capped');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('is not offered to members, whom the API refuses', async () => {
    const member = await ApiSession.login(server.baseUrl, 'sea.music', 'sea-password-1');
    await expect(member.call('GET', '/search?q=x')).rejects.toThrow(/403/);
  });
});
