import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ApiSession, ensurePoolCode, seedApprovedRecording, seedRegistrant, type SeededMember } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';
import { calendarYearAt } from '../src/isrc/year.js';

/**
 * The registrant reporting issue in a real browser, zh-TW UI: an individual registrant reports an
 * album with two new tracks and one cited from another registrant, submits it, and sees the ISRCs
 * the system assigned from the agency's pool code.
 */

const COMPANY = { name: '星光唱片有限公司', login: { loginName: 'starlight.records', password: 'company-password-1', displayName: '林志明' } };
const CITED = { albumTitle: '星光單曲', title: '夜空中的燈', performer: '星光樂團' };
const INDIVIDUAL = { name: '張雅婷', login: { loginName: 'chang.yating', password: 'individual-password-1', displayName: '張雅婷' } };
const ALBUM = {
  title: '雨後的城市',
  performer: '張雅婷',
  publisher: '雅婷音樂工作室',
  releaseDate: '2026.03.09',
  productionCompany: '雅婷音樂工作室',
  albumType: '個人專輯',
};
const NEW_TRACKS = [
  { title: '雨後', performer: '張雅婷', productionCompany: '雅婷音樂工作室' },
  { title: '城市的光', performer: '張雅婷', productionCompany: '晴天錄音室' },
];
// The server follows the agency's time zone (default Asia/Taipei), not the machine's.
const YEAR = String(calendarYearAt(new Date(), 'Asia/Taipei') % 100).padStart(2, '0');

let server: RunningServer;
let browser: Browser;
let poolCode: string;
let cited: { isrc: string; isrcDisplay: string };
let individual: SeededMember;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();

  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  await ensurePoolCode(admin);
  const settings = await admin.call<{ poolCodes: { code: string }[] }>('GET', '/settings');
  poolCode = settings.poolCodes[0]?.code ?? '';
  const company = await seedRegistrant(admin, 'company', COMPANY.name, COMPANY.login);
  const companySession = await ApiSession.login(server.baseUrl, company.loginName, company.password);
  cited = await seedApprovedRecording(admin, companySession, CITED.albumTitle, CITED.title, CITED.performer);
  individual = await seedRegistrant(admin, 'individual', INDIVIDUAL.name, INDIVIDUAL.login);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The API calls the page makes, as 「METHOD /path」, to show what was (not) sent. */
function watchApi(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v1/')) {
      calls.push(`${request.method()} ${url.pathname.slice('/api/v1'.length)}`);
    }
  });
  return calls;
}

/** The rows of a table's body: those with data cells (the header row has column headers only). */
function bodyRows(table: Locator): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('cell') });
}

async function cellTexts(row: Locator): Promise<string[]> {
  return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
}

/**
 * Picks an option of an antd Select found by its label. Its role="option" elements are a hidden
 * list for screen readers (one at a time, showing the code); the visible options have only a class.
 */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.locator('.ant-select-item-option').getByText(option, { exact: true }).click();
  await dropdown.waitFor({ state: 'hidden' });
}

describe('reporting: an individual reports an album with new and cited tracks in Chromium (zh-TW)', () => {
  it('creates, fills, checks and submits an album, and gets consecutive ISRCs from the pool code', async () => {
    expect(poolCode).toMatch(/^[A-Z0-9]{3}$/);
    expect(cited.isrcDisplay).toMatch(new RegExp(`^TW-[A-Z0-9]{3}-${YEAR}-\\d{5}$`));
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    const calls = watchApi(page);

    // 1. Sign in: no albums yet.
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, individual.loginName, individual.password);
    // An individual acts for themself: the badge names the user, then the registrant.
    const badge = await visible(page.getByRole('banner').getByRole('paragraph').filter({ hasText: INDIVIDUAL.name }));
    expect(await badge.innerText()).toContain(`${INDIVIDUAL.login.displayName} · ${INDIVIDUAL.name}`);
    await visible(page.getByRole('tab', { name: '待辦事項', selected: true }));
    await visible(page.getByText('尚無專輯，請點選『專輯新增』'));
    await checkPage(page, 'reporting-01-albums-empty');

    // 2. 專輯新增 → 數位發行: the new album opens.
    await page.getByRole('button', { name: '專輯新增', exact: true }).click();
    const createDialog = await visible(page.getByRole('dialog', { name: '專輯新增' }));
    await createDialog.getByRole('radio', { name: '數位發行' }).check();
    await checkPage(page, 'reporting-02-create-album');
    await createDialog.getByRole('button', { name: '專輯新增', exact: true }).click();
    await createDialog.waitFor({ state: 'hidden' });
    await page.waitForURL(/\/albums\/[0-9a-f-]{36}$/);
    const albumPath = new URL(page.url()).pathname;
    const heading = await visible(page.getByRole('heading', { level: 1, name: /^未命名專輯（專輯編號 .+）$/ }));
    const albumNumber = /專輯編號 (.+)）/.exec((await heading.textContent()) ?? '')?.[1] ?? '';
    await visible(page.getByText(`已新增專輯（專輯編號 ${albumNumber}），請填寫專輯資料。`));
    const main = page.getByRole('main');
    await visible(main.getByText('草稿', { exact: true }));
    await visible(page.getByRole('tab', { name: '專輯', exact: true, selected: true }));
    // The form has loaded with the album's values before anything is typed into it.
    const title = await visible(page.getByLabel('專輯名稱', { exact: true }));
    expect(await title.inputValue()).toBe('');
    expect(await page.getByRole('radio', { name: '數位發行' }).isChecked()).toBe(true);
    await checkPage(page, 'reporting-03-album-new');

    // 3. 送出審核 on the empty album: every missing field at once, and nothing is sent.
    await page.getByRole('button', { name: '送出審核' }).click();
    const check = await visible(page.getByRole('region', { name: '送出審核前，請先完成以下 7 個項目' }));
    expect(await check.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['專輯']);
    expect(await check.getByRole('listitem').allInnerTexts()).toEqual([
      '請輸入專輯名稱。',
      '請在作品職責中至少填寫一位姓名（例如表演者）。',
      '請輸入發行公司。',
      '請輸入發行日期。',
      '請輸入製作公司。',
      '請選擇專輯類型。',
      '專輯至少需要一首曲目，請點選「曲目新增」。',
    ]);
    expect(await page.getByRole('dialog').count(), 'no confirmation for an incomplete album').toBe(0);
    expect(
      calls.filter((call) => call.endsWith('/submit') || call.startsWith('PATCH')),
      'nothing saved or submitted',
    ).toEqual([]);
    await visible(main.getByText('草稿', { exact: true }));
    await checkPage(page, 'reporting-04-submit-incomplete');

    // 4. Every required album field, then 儲存修改.
    await title.fill(ALBUM.title);
    await page.getByLabel('表演者 1', { exact: true }).fill(ALBUM.performer);
    await page.getByLabel('發行公司', { exact: true }).fill(ALBUM.publisher);
    await page.getByLabel('發行日期', { exact: true }).fill(ALBUM.releaseDate);
    await page.getByLabel('製作公司', { exact: true }).fill(ALBUM.productionCompany);
    await choose(page, '專輯類型', ALBUM.albumType);
    await page.getByRole('button', { name: '儲存修改' }).click();
    await visible(page.getByText('已儲存專輯資料'));
    await visible(page.getByRole('heading', { level: 1, name: ALBUM.title }));
    // Only the missing track is left of the check.
    const trackCheck = await visible(page.getByRole('region', { name: '送出審核前，請先完成以下 1 個項目' }));
    expect(await trackCheck.getByRole('listitem').allInnerTexts()).toEqual(['專輯至少需要一首曲目，請點選「曲目新增」。']);
    expect(await page.getByLabel('發行日期', { exact: true }).inputValue()).toBe(ALBUM.releaseDate);
    await checkPage(page, 'reporting-05-album-saved');

    // 5. 曲目 tab → 曲目新增 → 新增, twice: ISRCs are the system's, assigned on submission.
    for (const [index, track] of NEW_TRACKS.entries()) {
      const position = index + 1;
      await page.getByRole('tab', { name: '曲目', exact: true }).click();
      await visible(page.getByRole('tab', { name: '曲目', exact: true, selected: true }));
      await visible(page.getByRole('alert').filter({ hasText: '送審後，ISRC 編號由系統自動配發' }));
      if (position === 1) {
        await visible(page.getByText('尚無曲目，請點選『曲目新增』'));
        await checkPage(page, 'reporting-06-tracks-empty');
      }
      await page.getByRole('button', { name: '曲目新增', exact: true }).click();
      const addDialog = await visible(page.getByRole('dialog', { name: '曲目新增' }));
      expect(await addDialog.getByRole('radio', { name: '新增', exact: true }).isChecked()).toBe(true);
      if (position === 1) {
        await checkPage(page, 'reporting-07-add-track-choice');
      }
      await addDialog.getByRole('button', { name: '曲目新增', exact: true }).click();
      await page.waitForURL('**/tracks/new');
      await visible(page.getByRole('heading', { level: 1, name: '曲目新增' }));
      const trackTitle = await visible(page.getByLabel('曲目名稱', { exact: true }));
      // The ISRC section says what happens instead of asking for a code.
      expect(await page.getByRole('term').allInnerTexts()).toEqual(['ISRC編號']);
      expect(await page.getByRole('definition').allInnerTexts()).toEqual(['送審後，ISRC 編號由系統自動配發']);
      expect(await page.getByLabel('ISRC 編號', { exact: true }).count(), 'no ISRC input for individuals').toBe(0);
      await trackTitle.fill(track.title);
      await page.getByLabel('表演者 1', { exact: true }).fill(track.performer);
      await page.getByLabel('製作公司', { exact: true }).fill(track.productionCompany);
      await checkPage(page, `reporting-08-track-${position}-new`);
      await page.getByRole('button', { name: '儲存修改' }).click();
      await visible(page.getByText(`已新增第 ${position} 首曲目`));
      await visible(page.getByRole('heading', { level: 1, name: `第 ${position} 首：${track.title}` }));
      await page.getByRole('link', { name: `← 回到專輯「${ALBUM.title}」的曲目` }).click();
      await page.waitForURL(`**${albumPath}?tab=tracks`);
    }

    // 6. 曲目新增 → 引用: another registrant's approved recording, found by its exact ISRC in any spelling.
    await visible(page.getByRole('tab', { name: '曲目', exact: true, selected: true }));
    await page.getByRole('button', { name: '曲目新增', exact: true }).click();
    const addDialog = await visible(page.getByRole('dialog', { name: '曲目新增' }));
    await addDialog.getByRole('radio', { name: '引用', exact: true }).check();
    await addDialog.getByRole('button', { name: '曲目新增', exact: true }).click();
    await addDialog.waitFor({ state: 'hidden' });
    const citeDialog = await visible(page.getByRole('dialog', { name: '引用曲目' }));
    await visible(citeDialog.getByText('請輸入名稱或 ISRC 後點選「搜尋」。'));
    await citeDialog.getByLabel('輸入自己曲目的名稱或 ISRC，或他人曲目的完整 ISRC', { exact: true }).fill(cited.isrcDisplay.toLowerCase());
    await citeDialog.getByRole('button', { name: '搜尋' }).click();
    const citeButton = await visible(citeDialog.getByRole('button', { name: `引用「${CITED.title}」` }));
    const found = bodyRows(citeDialog.getByRole('table'));
    expect(await found.count()).toBe(1);
    expect((await cellTexts(found.first())).slice(0, 4)).toEqual([cited.isrcDisplay, CITED.title, CITED.performer, '他人的']);
    await checkPage(page, 'reporting-09-cite-search');
    await citeButton.click();
    await citeDialog.waitFor({ state: 'hidden' });
    await visible(page.getByText(`已引用「${CITED.title}」為第 3 首`));

    // The track table: three rows, all 完成, the cited one with 引用 and its ISRC.
    const tracksPanel = page.getByRole('tabpanel', { name: '曲目' });
    const rows = bodyRows(tracksPanel.getByRole('table'));
    await visible(rows.filter({ hasText: CITED.title }));
    expect(await rows.count()).toBe(3);
    for (const [index, row] of (await rows.all()).entries()) {
      await visible(row.getByRole('cell', { name: '已完成', exact: true }));
      const [position, , isCited, isrc, name] = await cellTexts(row);
      expect([position, isCited, isrc, name]).toEqual(index < 2 ? [String(index + 1), '否', '送審後由系統配發', NEW_TRACKS[index]?.title] : ['3', '是', cited.isrcDisplay, CITED.title]);
    }
    await checkPage(page, 'reporting-10-tracks-complete');

    // 7. 送出審核 → confirm: the reminders for individuals, then the assigned ISRCs.
    await page.getByRole('tab', { name: '專輯', exact: true }).click();
    await visible(page.getByRole('tab', { name: '專輯', exact: true, selected: true }));
    await visible(page.getByRole('alert').filter({ hasText: '資料已完整，可以送出審核。' }));
    expect(calls.filter((call) => call.endsWith('/submit'))).toEqual([]);
    await page.getByRole('button', { name: '送出審核' }).click();
    const confirm = await visible(page.getByRole('dialog', { name: '確定送出審核？' }));
    await visible(confirm.getByText('個人申請者的 ISRC 編號於「送出審核」後由系統自動產生。'));
    await checkPage(page, 'reporting-11-submit-confirm');
    await confirm.getByRole('button', { name: '送出審核' }).click();
    await confirm.waitFor({ state: 'hidden' });

    await visible(main.getByText('已送出審核', { exact: true }));
    await visible(main.getByText('專輯已回報至 ISRC 管理中心，系統已配發下列 ISRC 編號。審核期間資料無法修改。'));
    const assigned = bodyRows(main.getByRole('table'));
    expect(await assigned.count()).toBe(3);
    const result = await Promise.all((await assigned.all()).map(cellTexts));
    expect(result.map(([position, name]) => [position, name])).toEqual([
      ['1', NEW_TRACKS[0]?.title],
      ['2', NEW_TRACKS[1]?.title],
      ['3', CITED.title],
    ]);
    const isrcs = result.map((cells) => cells[2] ?? '');
    const pattern = new RegExp(`^TW-${poolCode}-${YEAR}-(\\d{5})$`);
    const serials = isrcs.slice(0, 2).map((isrc) => Number(pattern.exec(isrc)?.[1]));
    expect(isrcs.slice(0, 2), `ISRCs under the pool code ${poolCode}`).toEqual([expect.stringMatching(pattern), expect.stringMatching(pattern)]);
    expect(serials[1], 'consecutive, in track order').toBe((serials[0] ?? 0) + 1);
    expect(isrcs[2], 'the cited track keeps its ISRC').toBe(cited.isrcDisplay);
    expect(calls.filter((call) => call.endsWith('/submit'))).toEqual([`POST ${albumPath}/submit`]);
    await checkPage(page, 'reporting-12-submitted');

    // 8. The album is now 審核中 and read-only.
    await main.getByRole('button', { name: '檢視專輯' }).click();
    await visible(page.getByRole('tab', { name: '專輯', exact: true, selected: true }));
    await visible(main.getByText('審核中', { exact: true }));
    await visible(page.getByRole('alert').filter({ hasText: '專輯審核中，資料暫時無法修改。' }));
    expect(await page.getByLabel('專輯名稱', { exact: true }).inputValue()).toBe(ALBUM.title);
    expect(await page.getByLabel('專輯名稱', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('表演者 1', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '儲存修改' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '送出審核' }).count()).toBe(0);
    await checkPage(page, 'reporting-13-album-in-review');

    await page.getByRole('tab', { name: '曲目', exact: true }).click();
    const lockedRows = bodyRows(page.getByRole('tabpanel', { name: '曲目' }).getByRole('table'));
    await visible(lockedRows.filter({ hasText: CITED.title }));
    expect(await lockedRows.count()).toBe(3);
    expect(await Promise.all((await lockedRows.all()).map(async (row) => (await cellTexts(row))[3]))).toEqual(isrcs);
    expect(await page.getByRole('button', { name: '曲目新增', exact: true }).count()).toBe(0);
    expect(await page.getByRole('alert').filter({ hasText: '送審後，ISRC 編號由系統自動配發' }).count(), 'the ISRCs are assigned now').toBe(0);
    expect(await page.getByRole('button', { name: /^刪除曲目/ }).count()).toBe(0);
    await checkPage(page, 'reporting-14-tracks-in-review');

    // 9. 審核中專輯 lists it.
    await page.getByRole('link', { name: '← 回到專輯列表' }).click();
    await page.waitForURL('**/albums');
    await page.getByRole('tab', { name: '審核中專輯' }).click();
    await page.waitForURL('**/albums?view=review');
    const reviewRows = bodyRows(page.getByRole('tabpanel', { name: '審核中專輯' }).getByRole('table'));
    const albumRow = await visible(reviewRows.filter({ hasText: ALBUM.title }));
    expect(await reviewRows.count()).toBe(1);
    await visible(albumRow.getByRole('cell', { name: '審核中', exact: true }));
    expect((await cellTexts(albumRow)).slice(0, 5)).toEqual(['無封面', albumNumber, ALBUM.title, ALBUM.performer, '3']);
    await checkPage(page, 'reporting-15-review-list');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
