import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession, seedApprovedRecording, seedRegistrant } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 公開 ISRC 查詢 in a real browser without logging in, zh-TW UI: from the login page's link, an
 * ISRC typed in lower case, title words, an ISRC of another country (IFPI's link), and the 429
 * answer once the agency's per-minute limit is used up; every page passes axe.
 */

const WORD = '極光';
let server: RunningServer;
let browser: Browser;
let admin: ApiSession;
let recording: { isrc: string; isrcDisplay: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  const label = await seedRegistrant(admin, 'company', '極光唱片有限公司', { loginName: 'aurora.records', password: 'aurora-password-1', displayName: '林極光' });
  const session = await ApiSession.login(server.baseUrl, label.loginName, label.password);
  recording = await seedApprovedRecording(admin, session, `${WORD}專輯`, `${WORD}之歌`, '極光樂團');
  // A draft with the same word: never shown to the public.
  const draft = await session.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  await session.call('PATCH', `/albums/${draft.id}`, { title: `${WORD}草稿` });
  await session.call('POST', `/albums/${draft.id}/tracks`, { isrc: { mode: 'next' }, recording: { title: `${WORD}未送審` } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function searchFor(page: Page, q: string): Promise<void> {
  const box = page.getByLabel('ISRC 或曲目名稱、表演者', { exact: true });
  await box.fill(q);
  await box.press('Enter');
}

const TOO_MANY = (baseUrl: string) => `console: Failed to load resource: the server responded with a status of 429 (Too Many Requests) (${baseUrl}/api/v1/public/isrc-search`;

describe('公開 ISRC 查詢 (no login) in Chromium', () => {
  it('finds approved recordings by ISRC and by words, points foreign ISRCs to IFPI, and explains a 429', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await page.getByRole('link', { name: 'ISRC 公開查詢（不需登入）' }).click();
    await page.waitForURL(/\/isrc-search$/);
    await visible(page.getByRole('heading', { level: 1, name: 'ISRC 公開查詢' }));
    await visible(page.getByText('「ISRC 年份」是 ISRC 編號配發的年份'));
    await checkPage(page, 'public-search-01-start');

    // Lower case with hyphens: read as an ISRC, shown in display form with its year of assignment.
    await searchFor(page, recording.isrcDisplay.toLowerCase());
    await visible(page.getByText(`以 ISRC ${recording.isrcDisplay} 查詢`));
    const table = page.getByRole('table');
    await visible(table.getByRole('columnheader', { name: 'ISRC 年份（配發年份）' }));
    const row = table.getByRole('row', { name: new RegExp(`${WORD}之歌`) });
    await visible(row);
    await expect(row.textContent()).resolves.toContain(recording.isrcDisplay);
    await expect(row.textContent()).resolves.toContain('極光唱片有限公司');
    await expect(row.textContent()).resolves.toContain('0:03:45');
    await checkPage(page, 'public-search-02-isrc');

    // A word: the approved recording only (the draft's track with the same word stays hidden).
    await searchFor(page, WORD);
    await visible(page.getByText('共 1 筆'));
    expect(await page.getByText(`${WORD}未送審`).count()).toBe(0);
    await checkPage(page, 'public-search-03-word');

    // Another country's ISRC: not ours, with IFPI's search linked.
    await searchFor(page, 'us-abc-20-00001');
    await visible(page.getByText('此 ISRC 不是本中心核發的編號'));
    const ifpi = page.getByRole('link', { name: 'IFPI ISRC Search（另開新視窗）' });
    expect(await ifpi.getAttribute('href')).toBe('https://isrcsearch.ifpi.org/');
    await checkPage(page, 'public-search-04-foreign');

    // The agency allows 1 search a minute: the next one in the same minute is refused with 429.
    await admin.call('PUT', '/settings/agency', { publicSearch: { showRegistrantName: true, showRegistrantCode: false, requestsPerMinute: 1 } });
    const limited = page.getByText('查詢次數過多', { exact: true });
    // Two searches in a row are in one minute unless a minute boundary falls between them: try again then.
    for (let i = 0; i < 3 && !(await limited.isVisible()); i++) {
      await fetch(`${server.baseUrl}/api/v1/public/isrc-search?q=${encodeURIComponent(WORD)}`);
      // Listen before searching: a fast answer must not arrive before the wait begins.
      const answered = page.waitForResponse((r) => r.url().includes('/public/isrc-search'));
      await searchFor(page, `${WORD}${i}`);
      await answered;
    }
    await visible(limited);
    await visible(page.getByText(/請於 \d+ 秒後再試/));
    await checkPage(page, 'public-search-05-rate-limited');

    // Opening /login asks /auth/me before anyone has signed in; the refused search is logged by Chromium.
    expect(problems[0]).toBe(unauthorized(server.baseUrl, '/auth/me'));
    expect(problems.slice(1).every((p) => p.startsWith(TOO_MANY(server.baseUrl)))).toBe(true);
    expect(problems.length).toBeGreaterThan(1);
    await context.close();
  });

  it('lets an administrator choose the public registrant fields and the limit under 設定', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.goto('/admin/settings');
    const code = page.getByRole('checkbox', { name: '公開登記者代碼' });
    await visible(code);
    expect(await code.isChecked()).toBe(false);
    await code.check();
    await page.getByLabel('每個網路位址每分鐘查詢次數上限').fill('30');
    await page.getByRole('button', { name: '儲存修改' }).last().click();
    await visible(page.getByText('已儲存公開查詢設定。'));
    await checkPage(page, 'public-search-06-settings');
    const saved = await admin.call<{ publicSearch: unknown }>('GET', '/settings/agency');
    expect(saved.publicSearch).toEqual({ showRegistrantName: true, showRegistrantCode: true, requestsPerMinute: 30 });
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
