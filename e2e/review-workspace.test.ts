import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiSession, seedRegistrant, type SeededMember } from './api.js';
import { launchBrowser, watchConsole } from './browser.js';
import { checkPage, openFlow, unauthorized, visible, type Flow } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * The review workspace in a real browser, zh-TW UI: an officer returns an album with a reason for
 * one track, the registrant sees both reasons, fixes the track and submits again, the officer sees
 * what changed and approves. Then two officers decide one album at once: the late one is told.
 * Then the desks as an officer far from the agency's time zone sees them: the submission-date filter
 * in agency calendar days, registrant pages pointing to the officer's own, English, and a phone.
 */

const COMPANY = { name: '晨光音樂股份有限公司', login: { loginName: 'morning.music', password: 'company-password-1', displayName: '王小明' } };
const ALBUM = { title: '海風的信', tracks: ['海風', '燈塔'] };
const REASON = '第 2 首的錄製長度與實際發行不符，請更正。';
const TRACK_REASON = '錄製長度應為 0:04:10';

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;
let company: SeededMember;
let companyApi: ApiSession;
let albumId: string;

async function submittedAlbum(title: string, tracks: readonly string[]): Promise<string> {
  const credits = [{ role: 'performer', names: ['海風樂團'] }];
  const album = await companyApi.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  await companyApi.call('PATCH', `/albums/${album.id}`, { title, credits, publisher: '晨光音樂', releaseDate: '2026.05.01', productionCompany: '晨光音樂', albumType: 'solo' });
  for (const track of tracks) {
    await companyApi.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'next' }, recording: { title: track, credits, productionCompany: '晨光音樂', duration: '0:03:00' } });
  }
  await companyApi.call('POST', `/albums/${album.id}/submit`);
  return album.id;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  company = await seedRegistrant(admin, 'company', COMPANY.name, COMPANY.login);
  companyApi = await ApiSession.login(server.baseUrl, company.loginName, company.password);
  albumId = await submittedAlbum(ALBUM.title, ALBUM.tracks);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, loginName: string, password: string, landing: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('帳號', { exact: true }).fill(loginName);
  await page.getByLabel('密碼', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登入', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  if (new URL(page.url()).pathname !== landing) {
    await page.goto(landing);
  }
}

describe('review workspace: return with a track reason, fix, resubmit, approve (Chromium, zh-TW)', () => {
  it('carries the reasons to the registrant and the changes back to the officer', async () => {
    // 1. The officer's home: 待辦事項 and the queue.
    const officer = await openFlow(browser, server.baseUrl);
    const o = officer.page;
    await signIn(o, 'admin', E2E_ADMIN_PASSWORD, '/review');
    await visible(o.getByRole('heading', { level: 1, name: '審核' }));
    await visible(o.getByRole('link', { name: '待審核專輯：1' }));
    const row = await visible(o.getByRole('row').filter({ hasText: ALBUM.title }));
    expect(await row.innerText()).toContain(COMPANY.name);
    await checkPage(o, 'review-01-queue');

    // 2. The album: registrant link, findings, first submission.
    await o.getByRole('link', { name: ALBUM.title }).click();
    await o.waitForURL(`**/review/${albumId}`);
    await visible(o.getByRole('heading', { level: 1, name: ALBUM.title }));
    await visible(o.getByRole('link', { name: `${COMPANY.name}（公司）` }));
    await visible(o.getByText('這是第一次送審，沒有可比較的前一次送審。'));
    // The form asks only for performers: the 金曲獎 credits are findings, in words.
    await visible(o.getByRole('region', { name: '檢查結果' }).getByText('第 1 首「海風」缺少報名金曲獎必填的作品職責：作詞者、作曲者、編曲者、製作人。'));
    await checkPage(o, 'review-02-album-first');

    // 3. 退回 with a reason for the album and one for track 2.
    await o.getByRole('button', { name: '退回', exact: true }).click();
    const dialog = await visible(o.getByRole('dialog', { name: '退回專輯' }));
    await dialog.getByLabel('退回原因（登記者會在專輯上方看到）').fill(REASON);
    await dialog.getByLabel('第 2 首「燈塔」的退回原因').fill(TRACK_REASON);
    await checkPage(o, 'review-03-return-dialog');
    await dialog.getByRole('button', { name: '退回', exact: true }).click();
    await visible(o.getByText('已退回這張專輯。'));
    await visible(o.getByText(`退回原因：${REASON}`));
    await visible(o.getByText(`第 2 首：${TRACK_REASON}`));

    // 4. The registrant: 待辦事項 shows the returned album with its reason.
    const registrant = await openFlow(browser, server.baseUrl);
    const r = registrant.page;
    await signIn(r, company.loginName, company.password, '/albums');
    await visible(r.getByRole('tab', { name: '待辦事項', selected: true }));
    await visible(r.getByText(`退回原因：${REASON}`));
    await checkPage(r, 'review-04-registrant-todo');
    await r.getByRole('link', { name: ALBUM.title }).click();
    await visible(r.getByRole('heading', { level: 1, name: ALBUM.title }));
    const notice = await visible(r.getByRole('alert').filter({ hasText: REASON }));
    await visible(notice.getByRole('link', { name: `第 2 首「燈塔」：${TRACK_REASON}` }));
    await checkPage(r, 'review-05-registrant-album');
    await r.getByRole('tab', { name: '曲目', exact: true }).click();
    await visible(r.getByRole('columnheader', { name: '退回原因' }));
    const trackRow = await visible(r.getByRole('row').filter({ hasText: '燈塔' }));
    await visible(trackRow.getByText(TRACK_REASON));
    await checkPage(r, 'review-06-registrant-tracks');

    // 5. Fix the track, then 送出審核 again.
    await trackRow.getByRole('link', { name: '燈塔', exact: true }).click();
    await visible(r.getByRole('alert').filter({ hasText: `退回原因：${TRACK_REASON}` }));
    await checkPage(r, 'review-07-registrant-track');
    await r.getByLabel('錄製長度', { exact: true }).fill('0:04:10');
    await r.getByRole('button', { name: '儲存修改' }).click();
    await visible(r.getByText('已儲存第 2 首曲目'));
    await r.getByRole('link', { name: /回到專輯/ }).click();
    await r.getByRole('tab', { name: '專輯', exact: true }).click();
    await r.getByRole('button', { name: '送出審核' }).click();
    const confirm = await visible(r.getByRole('dialog', { name: '確定送出審核？' }));
    await confirm.getByRole('button', { name: '送出審核' }).click();
    await visible(r.getByText('已送出審核', { exact: true }));

    // 6. The officer sees what changed since the last submission, and approves.
    await o.reload();
    await visible(o.getByText('與第 1 次送審相比：'));
    await visible(o.getByText('錄製長度：0:03:00 → 0:04:10'));
    await checkPage(o, 'review-08-album-changes');
    await o.getByRole('button', { name: '通過', exact: true }).click();
    await visible(o.getByText('確定通過這張專輯？通過後專輯與曲目將鎖定，無法再修改。'));
    await o.getByRole('button', { name: '通過', exact: true }).last().click();
    await visible(o.getByText('已通過這張專輯。'));
    await visible(o.getByRole('main').getByText('已通過', { exact: true }));
    await checkPage(o, 'review-09-approved');

    // Opening /login asks /auth/me before anyone has signed in: the app's normal 401.
    expect(officer.problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    expect(registrant.problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await officer.context.close();
    await registrant.context.close();
  });

  it('tells the officer whose decision came second which decision won', async () => {
    const id = await submittedAlbum('同時審核', ['一曲']);
    const officer = await openFlow(browser, server.baseUrl);
    const o = officer.page;
    await signIn(o, 'admin', E2E_ADMIN_PASSWORD, '/review');
    await o.goto(`/review/${id}`);
    await visible(o.getByRole('heading', { level: 1, name: '同時審核' }));
    // Another officer approves while this page is open.
    await admin.call('POST', `/albums/${id}/approve`, { round: 1 });
    await o.getByRole('button', { name: '退回', exact: true }).click();
    const dialog = await visible(o.getByRole('dialog', { name: '退回專輯' }));
    await dialog.getByLabel('退回原因（登記者會在專輯上方看到）').fill('資料不完整');
    await dialog.getByRole('button', { name: '退回', exact: true }).click();
    const alert = await visible(o.getByRole('alert').filter({ hasText: '您的決定未送出' }));
    expect(await alert.innerText()).toMatch(/第 1 次送審已於 \d{4}\.\d{2}\.\d{2} \d{2}:\d{2} 被通過/);
    await visible(o.getByRole('main').getByText('已通過', { exact: true }));
    await checkPage(o, 'review-10-conflict');
    expect(officer.problems).toEqual([
      unauthorized(server.baseUrl, '/auth/me'),
      `console: Failed to load resource: the server responded with a status of 409 (Conflict) (${server.baseUrl}/api/v1/albums/${id}/return)`,
    ]);
    await officer.context.close();
  });
});

/** The agency's calendar day of `instant` (Asia/Taipei), 'YYYY-MM-DD'. */
function agencyDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** An officer's browser 14 hours ahead of UTC (6 ahead of the agency): a day taken through its clock would be wrong. */
async function farAwayFlow(viewport: { width: number; height: number }): Promise<Flow> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'zh-TW', timezoneId: 'Pacific/Kiritimati', viewport });
  const page = await context.newPage();
  return { context, page, problems: watchConsole(page) };
}

/** Types a day range into a 送審日期-style range picker (start labelled `label`, end `endLabel`). */
async function pickDays(page: Page, label: string, endLabel: string, from: string, to: string): Promise<void> {
  const start = page.getByLabel(label, { exact: true });
  await start.click();
  await start.fill(from);
  await start.press('Enter');
  const end = page.getByLabel(endLabel, { exact: true });
  await end.fill(to);
  await end.press('Enter');
}

/** The page itself never scrolls sideways (a table may, inside its own container). */
async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}

describe('the review desk away from the agency, in English, and on a phone (Chromium)', () => {
  it('filters by agency calendar days, points officers to their own pages, and reads in English', async () => {
    const id = await submittedAlbum('遠方審核', ['遠方一曲']);
    const officer = await farAwayFlow({ width: 1280, height: 800 });
    const o = officer.page;
    await signIn(o, 'admin', E2E_ADMIN_PASSWORD, '/review');
    await visible(o.getByRole('heading', { level: 1, name: '審核' }));

    // Submitted today in the agency's calendar: the filter sends agency days, shown as 2026.03.09.
    const today = agencyDay(new Date());
    await pickDays(o, '送審日期', '送審日期（迄）', today.replaceAll('-', '.'), today.replaceAll('-', '.'));
    await o.waitForURL((url) => url.searchParams.get('submittedFrom') === today && url.searchParams.get('submittedTo') === today);
    await visible(o.getByRole('row').filter({ hasText: '遠方審核' }));
    await expect.poll(() => o.getByLabel('送審日期', { exact: true }).inputValue()).toBe(today.replaceAll('-', '.'));
    await checkPage(o, 'review-11-queue-date-filter');
    // A range long past: nothing, and the way out.
    await pickDays(o, '送審日期', '送審日期（迄）', '2020.01.01', '2020-01-31');
    await o.waitForURL((url) => url.searchParams.get('submittedFrom') === '2020-01-01' && url.searchParams.get('submittedTo') === '2020-01-31');
    await visible(o.getByText('沒有符合篩選條件的專輯，請調整或清除篩選。'));
    await expect.poll(() => o.getByLabel('送審日期（迄）', { exact: true }).inputValue()).toBe('2020.01.31');
    await o.getByRole('button', { name: '清除篩選' }).click();
    await visible(o.getByRole('row').filter({ hasText: '遠方審核' }));

    // Registrant pages tell an officer whose page it is and lead to the officer's own.
    await o.goto(`/albums/${id}`);
    await visible(o.getByRole('alert').filter({ hasText: '這是登記者的頁面' }));
    await visible(o.getByRole('heading', { level: 1, name: '遠方審核' }));
    await checkPage(o, 'review-11b-registrant-page-notice');
    await o.getByRole('link', { name: '開啟這張專輯的審核頁' }).click();
    await o.waitForURL(`**/review/${id}`);
    await visible(o.getByRole('button', { name: '通過', exact: true }));
    await o.goto('/albums');
    await visible(o.getByRole('alert').filter({ hasText: '這是登記者的頁面' }).getByRole('link', { name: '前往「審核」' }));
    // 出版者資料異動申請單 has nothing for an officer: the change-request desk instead.
    await o.goto('/change-requests');
    await o.waitForURL('**/admin/change-requests');
    await visible(o.getByRole('heading', { level: 1, name: '出版者資料異動審核' }));

    // English: the queue and the album page.
    await o.goto('/review');
    await o.getByRole('group', { name: '語言' }).getByRole('button', { name: 'English' }).click();
    await visible(o.getByRole('heading', { level: 1, name: 'Review' }));
    await visible(o.getByRole('heading', { level: 2, name: 'Albums under review (oldest submission first)' }));
    await visible(o.getByLabel('Submission date', { exact: true }));
    await visible(o.getByLabel('Submission date (to)', { exact: true }));
    await checkPage(o, 'review-12-queue-en');
    await o.getByRole('link', { name: '遠方審核' }).click();
    await o.waitForURL(`**/review/${id}`);
    await visible(o.getByRole('heading', { level: 2, name: 'Album' }));
    await visible(o.getByRole('button', { name: 'Approve', exact: true }));
    await checkPage(o, 'review-13-album-en');

    expect(officer.problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await officer.context.close();
  });

  it('fits a phone: the queue and the album page never scroll sideways', async () => {
    await submittedAlbum('手機審核的一張專輯名稱相當長，用來檢查窄螢幕的換行', ['第一首歌的名稱也很長，看看表格怎麼處理']);
    const officer = await farAwayFlow({ width: 390, height: 844 });
    const o = officer.page;
    await signIn(o, 'admin', E2E_ADMIN_PASSWORD, '/review');
    await visible(o.getByRole('heading', { level: 1, name: '審核' }));
    await visible(o.getByRole('row').filter({ hasText: '手機審核' }));
    await checkPage(o, 'review-14-queue-phone');
    expect(await pageOverflow(o)).toBeLessThanOrEqual(0);

    await o.getByRole('link', { name: /手機審核/ }).click();
    await o.waitForURL(/\/review\/[0-9a-f-]{36}$/);
    await visible(o.getByRole('region', { name: '檢查結果' }));
    await checkPage(o, 'review-15-album-phone');
    expect(await pageOverflow(o)).toBeLessThanOrEqual(0);

    expect(officer.problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await officer.context.close();
  });
});
