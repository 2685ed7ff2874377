import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ApiSession, ensurePoolCode, seedApprovedRecording, seedRegistrant } from './api.js';
import { SCREENSHOT_DIR, axeViolations, launchBrowser, watchConsole } from './browser.js';
import { checkPage, logIn, loginHeading, mainMenu, settled, unauthorized, visible, type Flow } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';
import { calendarYearAt } from '../src/isrc/year.js';

/**
 * Issue 12 (items 4, 5 and 7) in a real browser, zh-TW UI: where the forms' server errors appear,
 * asking before unsaved edits are lost, and the smaller seams (the example ISRC, the to-do empty
 * state, deleting an album, the 引用 source of a foreign recording, antd's English labels, the phone
 * header and tables). Each page is checked at 1280 px and at 390 px (a phone).
 */

const COMPANY = { name: '星光唱片有限公司', login: { loginName: 'starlight.seams', password: 'company-password-1', displayName: '林志明' } };
const WAITING = { name: '晨曦音樂工作室', login: { loginName: 'dawn.music', password: 'company-password-2', displayName: '陳曉晴' } };
const PERFORMER = '星光樂團';
const FOREIGN_ISRC = 'US-RC1-76-07839';
const FOREIGN_TITLE = 'Midnight Train';
const YEAR = String(calendarYearAt(new Date(), 'Asia/Taipei') % 100).padStart(2, '0');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let server: RunningServer;
let browser: Browser;
let company: ApiSession;
let code: string;
/** An ISRC of the company's that an approved recording already has. */
let taken: string;

function albumFields(title: string) {
  return {
    title,
    credits: [{ role: 'performer', names: [PERFORMER] }],
    publisher: '星光唱片',
    releaseDate: '2025.05.01',
    productionCompany: '星光製作',
    albumType: 'single',
  };
}

/** A complete album of the session's registrant with its tracks (ISRC: the next code, or the given foreign one). */
async function seedAlbum(session: ApiSession, title: string, tracks: { title: string; foreignIsrc?: string }[]): Promise<{ id: string }> {
  const album = await session.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  await session.call('PATCH', `/albums/${album.id}`, albumFields(title));
  for (const track of tracks) {
    await session.call('POST', `/albums/${album.id}/tracks`, {
      isrc: track.foreignIsrc === undefined ? { mode: 'next' } : { mode: 'foreign', isrc: track.foreignIsrc },
      recording: {
        title: track.title,
        credits: [{ role: 'performer', names: [PERFORMER] }],
        productionCompany: '星光製作',
        duration: '0:03:30',
        // A foreign ISRC is only for a recording produced abroad.
        ...(track.foreignIsrc === undefined ? {} : { producedAbroad: true }),
      },
    });
  }
  return album;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  await ensurePoolCode(admin);

  const member = await seedRegistrant(admin, 'company', COMPANY.name, COMPANY.login);
  company = await ApiSession.login(server.baseUrl, member.loginName, member.password);
  code = (await company.call<{ codes: string[] }>('GET', `/registrants/${member.registrantId}`)).codes[0] ?? '';
  taken = (await seedApprovedRecording(admin, company, '星光單曲', '夜空中的燈', PERFORMER)).isrcDisplay;
  // A recording made abroad that the company reported with its foreign ISRC, approved.
  const abroad = await seedAlbum(company, '海外錄音', [{ title: FOREIGN_TITLE, foreignIsrc: FOREIGN_ISRC }]);
  await company.call('POST', `/albums/${abroad.id}/submit`);
  await admin.call('POST', `/albums/${abroad.id}/approve`);

  // A company whose only album is under review: nothing to do.
  const waiting = await seedRegistrant(admin, 'company', WAITING.name, WAITING.login);
  const waitingSession = await ApiSession.login(server.baseUrl, waiting.loginName, waiting.password);
  const submitted = await seedAlbum(waitingSession, '清晨的歌', [{ title: '第一道光' }]);
  await waitingSession.call('POST', `/albums/${submitted.id}/submit`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(login: { loginName: string; password: string }, viewport = DESKTOP): Promise<Flow> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'zh-TW', viewport });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto('/login');
  await visible(loginHeading(page));
  await logIn(page, login.loginName, login.password);
  return { context, page, problems };
}

/** Chromium's console line for an API answer with an error status (the app's expected refusals). */
function refused(status: 400 | 409, apiPath: string): string {
  const text = status === 400 ? 'Bad Request' : 'Conflict';
  return `console: Failed to load resource: the server responded with a status of ${status} (${text}) (${server.baseUrl}/api/v1${apiPath})`;
}

/** Whether the element is wholly inside the window as it is now (the user sees it without scrolling). */
async function inViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = locator.page().viewportSize();
  // Within a pixel: scrolled into view, an element may end a fraction of a pixel past the edge.
  return box !== null && size !== null && box.y >= -1 && box.x >= -1 && box.y + box.height <= size.height + 1 && box.x + box.width <= size.width + 1;
}

/** Every aria-label on the page without a Chinese character: antd's English icon and button names. */
async function nonChineseLabels(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`Array.from(document.querySelectorAll('[aria-label]')).map((el) => el.getAttribute('aria-label')).filter((label) => !/[\\u3400-\\u9fff]/.test(label))`);
}

/** checkPage (screenshot from the top, axe), and no English accessible names from antd. */
async function check(page: Page, name: string): Promise<void> {
  await checkPage(page, name);
  expect(await nonChineseLabels(page), `aria-labels on ${name}`).toEqual([]);
}

/** The window as the user sees it now (not scrolled to the top), with axe and the labels checked. */
async function checkView(page: Page, name: string): Promise<void> {
  await settled(page);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  expect(await axeViolations(page), `axe violations on ${name}`).toEqual([]);
  expect(await nonChineseLabels(page), `aria-labels on ${name}`).toEqual([]);
}

/** The same page again on a phone, then back at the desktop size. */
async function checkOnPhone(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await check(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

/** The rows of a table's body: those with data cells. */
function bodyRows(table: Locator): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('cell') });
}

function leaveDialog(page: Page): Locator {
  return page.getByRole('dialog').filter({ hasText: '尚有未儲存的修改，確定要離開嗎？' });
}

describe('issue 12: reporting seams in Chromium (zh-TW)', () => {
  it("shows the registrant's own code as the example ISRC on the track form, never another registrant's", async () => {
    const draft = await seedAlbum(company, '編號範例專輯', []);
    const { context, page, problems } = await signedIn(COMPANY.login);
    await page.goto(`/albums/${draft.id}/tracks/new`);
    const isrc = await visible(page.getByLabel('ISRC 編號', { exact: true }));
    const example = `TW-${code}-${YEAR}-00001`;
    expect(await isrc.getAttribute('placeholder')).toBe(example);
    await visible(page.getByText(`請輸入貴單位登記者代碼下的 ISRC，可使用任何寫法（例如 ${example} 或 TW${code}${YEAR}00001）。`));
    if (code !== 'A01') {
      expect(await page.locator('main').innerHTML(), "no other registrant's code").not.toContain('A01');
    }
    await check(page, 'seams-01-track-example');
    await checkOnPhone(page, 'seams-01-track-example');
    // 境外錄音: no code of this country offered as an example.
    await page.getByRole('radio', { name: '境外錄音 ISRC' }).check();
    expect(await page.getByLabel('境外錄音的 ISRC 編號', { exact: true }).getAttribute('placeholder')).toBeNull();

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it("shows the track form's server errors where the user looks: on the field, scrolled to, and in a toast", async () => {
    const draft = await seedAlbum(company, '錯誤訊息專輯', []);
    const { context, page, problems } = await signedIn(COMPANY.login);
    await page.goto(`/albums/${draft.id}/tracks/new`);
    const isrc = await visible(page.getByLabel('ISRC 編號', { exact: true }));

    // 自行輸入 an ISRC another recording has: the message is where the user looks after 儲存修改.
    await page.getByLabel('曲目名稱', { exact: true }).fill('重複的編號');
    await page.getByLabel('表演者 1', { exact: true }).fill(PERFORMER);
    await isrc.fill(taken);
    await page.getByRole('button', { name: '儲存修改' }).click();
    const takenError = page.locator('.ant-form-item-explain-error').filter({ hasText: `ISRC ${taken} 已被使用` });
    await visible(takenError);
    await expect.poll(() => inViewport(takenError), { message: 'the ISRC error is in view' }).toBe(true);
    const toast = page.locator('.ant-message-notice').filter({ hasText: `未能儲存：ISRC ${taken} 已被使用` });
    await visible(toast);
    // The toast slides in from above the top edge: in view once its entrance has run.
    await expect.poll(() => inViewport(toast), { message: 'the toast is in view' }).toBe(true);
    expect(await page.evaluate<string>('document.activeElement ? document.activeElement.id : ""'), 'the ISRC input has focus').toBe('track_isrc');
    await checkView(page, 'seams-02-track-isrc-taken');

    // 境外錄音 (on a recording produced abroad) with a code of this country: same, on a phone.
    await page.setViewportSize(PHONE);
    await page.getByRole('radiogroup', { name: '是否為境外作品' }).getByRole('radio', { name: '是' }).check();
    await page.getByRole('radio', { name: '境外錄音 ISRC' }).check();
    const domestic = `TW-${code}-${YEAR}-00099`;
    await page.getByLabel('境外錄音的 ISRC 編號', { exact: true }).fill(domestic);
    await page.getByRole('button', { name: '儲存修改' }).click();
    const notForeign = page.locator('.ant-form-item-explain-error').filter({ hasText: `ISRC ${domestic} 使用本國國碼，不是境外錄音的編號` });
    await visible(notForeign);
    await expect.poll(() => inViewport(notForeign), { message: 'the 境外錄音 error is in view on a phone' }).toBe(true);
    await checkView(page, 'seams-03-track-not-foreign-phone');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me'), refused(409, `/albums/${draft.id}/tracks`), refused(400, `/albums/${draft.id}/tracks`)]);
    await context.close();
  });

  it("shows the album form's server errors on their field, or beside 儲存修改 when no field can show them", async () => {
    const album = await seedAlbum(company, '送審中的專輯', [{ title: '第一首' }]);
    const { context, page, problems } = await signedIn(COMPANY.login);
    await page.goto(`/albums/${album.id}`);
    const save = await visible(page.getByRole('button', { name: '儲存修改' }));

    // A field error only the server finds (answered here by the test): the form scrolls to its field.
    await page.route(`**/api/v1/albums/${album.id}`, (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              error: { code: 'VALIDATION_FAILED', message: '資料有誤', details: { fields: [{ field: 'title', code: 'taken', message: '專輯名稱與其他專輯重複，請修改。' }] } },
            }),
          })
        : route.continue(),
    );
    await page.getByLabel('專輯介紹', { exact: true }).fill('深夜錄製的專輯。');
    await save.click();
    const titleError = page.locator('.ant-form-item-explain-error').filter({ hasText: '專輯名稱與其他專輯重複，請修改。' });
    await visible(titleError);
    await expect.poll(() => inViewport(titleError), { message: 'the title error is in view' }).toBe(true);
    await visible(page.locator('.ant-message-notice').filter({ hasText: '未能儲存：資料有誤' }));
    await checkView(page, 'seams-04-album-field-error');
    await page.unroute(`**/api/v1/albums/${album.id}`);

    // Meanwhile the album was submitted elsewhere: the refusal shows beside the button just clicked.
    await company.call('POST', `/albums/${album.id}/submit`);
    await page.setViewportSize(PHONE);
    await page.getByLabel('專輯介紹', { exact: true }).fill('深夜錄製的專輯，共一首。');
    await save.click();
    const alert = page.getByRole('alert').filter({ hasText: '專輯審核中或已通過審核，目前無法修改。' });
    await visible(alert);
    await expect.poll(() => inViewport(alert), { message: 'the alert is in view' }).toBe(true);
    await expect.poll(() => inViewport(save), { message: 'with the button' }).toBe(true);
    const [alertBox, saveBox] = [await alert.boundingBox(), await save.boundingBox()];
    expect(Math.abs((saveBox?.y ?? 0) - (alertBox?.y ?? 1000)), 'the alert sits just above 儲存修改').toBeLessThan(200);
    await checkView(page, 'seams-05-album-not-editable-phone');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me'), refused(400, `/albums/${album.id}`), refused(409, `/albums/${album.id}`)]);
    await context.close();
  });

  it('asks before leaving the album or track form with unsaved changes, and not after saving', async () => {
    const album = await seedAlbum(company, '未儲存的專輯', []);
    const { context, page, problems } = await signedIn(COMPANY.login);
    await page.getByRole('tab', { name: '所有專輯' }).click();
    await page.getByRole('link', { name: '未儲存的專輯' }).click();
    await page.waitForURL(`**/albums/${album.id}`);
    const title = await visible(page.locator('#album_title'));

    // Nothing changed yet: leaving does not ask.
    await page.getByRole('link', { name: '← 回到專輯列表' }).click();
    await page.waitForURL('**/albums');
    expect(await leaveDialog(page).count()).toBe(0);
    await page.goBack();
    await page.waitForURL(`**/albums/${album.id}`);
    await title.fill('未儲存的專輯（修訂）');

    // 「← 回到專輯列表」: asked; 留下 keeps the page and the edit.
    await page.getByRole('link', { name: '← 回到專輯列表' }).click();
    const dialog = await visible(leaveDialog(page));
    await visible(dialog.getByRole('button', { name: '離開' }));
    await check(page, 'seams-06-leave-album');
    await checkOnPhone(page, 'seams-06-leave-album');
    await dialog.getByRole('button', { name: '留下' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/albums/${album.id}`);
    expect(await title.inputValue()).toBe('未儲存的專輯（修訂）');

    // A menu link: asked too.
    await mainMenu(page).getByRole('link', { name: '年度回報量統計表' }).click();
    await visible(leaveDialog(page));
    await leaveDialog(page).getByRole('button', { name: '留下' }).click();
    await leaveDialog(page).waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/albums/${album.id}`);

    // 登出: asked too, and 留下 keeps the session and the edit.
    await mainMenu(page).getByRole('button', { name: '登出' }).click();
    await visible(leaveDialog(page));
    await leaveDialog(page).getByRole('button', { name: '留下' }).click();
    await leaveDialog(page).waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/albums/${album.id}`);
    expect(await title.inputValue()).toBe('未儲存的專輯（修訂）');

    // The browser's back button: asked; 離開 goes back to the list.
    await page.goBack();
    await visible(leaveDialog(page));
    await leaveDialog(page).getByRole('button', { name: '離開' }).click();
    await page.waitForURL('**/albums?view=all');

    // Saved, the form is clean: leaving does not ask.
    await page.getByRole('link', { name: '未儲存的專輯' }).click();
    await page.waitForURL(`**/albums/${album.id}`);
    await page.locator('#album_title').fill('已儲存的專輯');
    await page.getByRole('button', { name: '儲存修改' }).click();
    await visible(page.getByText('已儲存專輯資料'));
    await page.getByRole('link', { name: '← 回到專輯列表' }).click();
    await page.waitForURL('**/albums');
    expect(await leaveDialog(page).count()).toBe(0);

    // The track form: nothing typed, nothing asked; with changes, reloading or closing the tab asks
    // the browser's own question.
    await page.goto(`/albums/${album.id}/tracks/new`);
    await visible(page.getByLabel('曲目名稱', { exact: true }));
    await page.getByRole('link', { name: /^← 回到專輯「已儲存的專輯」的曲目$/ }).click();
    await page.waitForURL(`**/albums/${album.id}?tab=tracks`);
    expect(await leaveDialog(page).count()).toBe(0);
    await page.goBack();
    await page.waitForURL(`**/albums/${album.id}/tracks/new`);
    await page.getByLabel('曲目名稱', { exact: true }).click();
    await page.keyboard.type('還沒儲存的曲目');
    const asked: string[] = [];
    page.on('dialog', (question) => {
      asked.push(question.type());
      void question.dismiss();
    });
    await page.reload({ timeout: 3_000 }).catch(() => undefined);
    expect(asked, 'reloading asks').toEqual(['beforeunload']);
    expect(await page.getByLabel('曲目名稱', { exact: true }).inputValue(), 'and stays').toBe('還沒儲存的曲目');
    // A link inside the app asks with the agency's words.
    await page.getByRole('link', { name: /^← 回到專輯「已儲存的專輯」的曲目$/ }).click();
    await visible(leaveDialog(page));
    await leaveDialog(page).getByRole('button', { name: '留下' }).click();
    await leaveDialog(page).waitFor({ state: 'hidden' });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked, { message: 'closing the tab asks' }).toEqual(['beforeunload', 'beforeunload']);

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('deletes an album with its tracks after one question that names them', async () => {
    await seedAlbum(company, '待刪除專輯', [{ title: '舊歌一' }, { title: '舊歌二' }]);
    const { context, page, problems } = await signedIn(COMPANY.login);
    const row = await visible(bodyRows(page.getByRole('tabpanel', { name: '待辦事項' }).getByRole('table')).filter({ hasText: '待刪除專輯' }));
    const deleteButton = row.getByRole('button', { name: '刪除專輯「待刪除專輯」' });
    await deleteButton.click();
    const question = await visible(page.locator('.ant-popconfirm'));
    await checkPage(page, 'seams-07-delete-album');
    const labels = await nonChineseLabels(page);
    await page.setViewportSize(PHONE);
    await checkPage(page, 'seams-07-delete-album-phone');
    await page.setViewportSize(DESKTOP);
    if (!(await question.isVisible())) {
      await deleteButton.click();
    }
    const asked = await question.innerText();
    await question.getByRole('button', { name: '刪除', exact: true }).click();
    // Deleted at once, or a second question: whichever comes first.
    const outcome = await Promise.race([
      page
        .getByText('已刪除專輯「待刪除專輯」')
        .waitFor({ timeout: 10_000 })
        .then(() => 'deleted')
        .catch(() => 'nothing'),
      page
        .getByRole('dialog')
        .first()
        .waitFor({ timeout: 10_000 })
        .then(() => 'asked again')
        .catch(() => 'nothing'),
    ]);
    expect(outcome, 'one question only').toBe('deleted');
    // That one question named the album and each track removed with it.
    expect(asked).toContain('確定刪除專輯「待刪除專輯」及其 2 首曲目？');
    expect(asked).toMatch(/1\. 舊歌一（TW-[A-Z0-9]{3}-\d{2}-\d{5}）\n2\. 舊歌二（TW-[A-Z0-9]{3}-\d{2}-\d{5}）/);
    expect(labels, 'aria-labels with the question open').toEqual([]);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await row.waitFor({ state: 'detached' });

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('says where the albums are when 待辦事項 is empty because they are under review', async () => {
    const { context, page, problems } = await signedIn(WAITING.login);
    await visible(page.getByRole('tab', { name: '待辦事項', selected: true }));
    const empty = await visible(page.getByText('目前沒有待辦事項。已送出的專輯正在審核中，請至『審核中專輯』查看；要回報新專輯，請點選『專輯新增』。'));
    expect(await page.getByText('尚無專輯，請點選『專輯新增』').count()).toBe(0);
    expect(await empty.isVisible()).toBe(true);
    await check(page, 'seams-08-todo-in-review');
    await checkOnPhone(page, 'seams-08-todo-in-review');
    await page.getByRole('button', { name: '前往審核中專輯' }).click();
    await visible(page.getByRole('tab', { name: '審核中專輯', selected: true }));
    await visible(bodyRows(page.getByRole('tabpanel', { name: '審核中專輯' }).getByRole('table')).filter({ hasText: '清晨的歌' }));

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it("labels the company's own foreign recording 境外錄音 in the 引用 search, not 自己的", async () => {
    const album = await seedAlbum(company, '引用測試專輯', []);
    const { context, page, problems } = await signedIn(COMPANY.login);
    await page.goto(`/albums/${album.id}?tab=tracks`);
    await page.getByRole('button', { name: '曲目新增', exact: true }).click();
    const addDialog = await visible(page.getByRole('dialog', { name: '曲目新增' }));
    await addDialog.getByRole('radio', { name: '引用', exact: true }).check();
    await addDialog.getByRole('button', { name: '曲目新增', exact: true }).click();
    const citeDialog = await visible(page.getByRole('dialog', { name: '引用曲目' }));
    await citeDialog.getByLabel('輸入自己曲目的名稱或 ISRC，或他人曲目的完整 ISRC', { exact: true }).fill(FOREIGN_ISRC.replaceAll('-', ''));
    await citeDialog.getByRole('button', { name: '搜尋' }).click();
    await visible(citeDialog.getByRole('button', { name: `引用「${FOREIGN_TITLE}」` }));
    const found = bodyRows(citeDialog.getByRole('table'));
    expect(await found.count()).toBe(1);
    const cells = (await found.first().getByRole('cell').allInnerTexts()).map((text) => text.trim());
    expect(cells.slice(0, 4)).toEqual([FOREIGN_ISRC, FOREIGN_TITLE, PERFORMER, '境外錄音']);
    await check(page, 'seams-09-cite-foreign');
    await page.setViewportSize(PHONE);
    await settled(page);
    expect(await inViewport(citeDialog.getByRole('button', { name: `引用「${FOREIGN_TITLE}」` })), 'the 引用 button is in view on a phone').toBe(true);
    await check(page, 'seams-09-cite-foreign-phone');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it("names antd's icons and buttons in Chinese: search clear, pagination, select arrows, tabs, dialogs", async () => {
    const album = await seedAlbum(company, '標籤測試專輯', [{ title: '第一首' }]);
    const { context, page, problems } = await signedIn(COMPANY.login);
    // The album list with a search typed (its clear button) and the pagination arrows.
    await page.getByLabel('搜尋專輯', { exact: true }).fill('標籤');
    await visible(page.locator('.ant-input-clear-icon'));
    await check(page, 'seams-10-labels-albums');
    await visible(page.getByRole('button', { name: '清除' }));
    // The album page: selects, tabs, the 送出審核 check.
    await page.goto(`/albums/${album.id}`);
    await visible(page.getByLabel('專輯名稱', { exact: true }));
    await check(page, 'seams-11-labels-album');
    // The track table and a dialog (its close button).
    await page.getByRole('tab', { name: '曲目', exact: true }).click();
    await page.getByRole('button', { name: '曲目新增', exact: true }).click();
    const addDialog = await visible(page.getByRole('dialog', { name: '曲目新增' }));
    await check(page, 'seams-12-labels-dialog');
    await visible(addDialog.getByRole('button', { name: '關閉' }));

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('keeps the header to one short row on a 390 px phone, with the menu in a drawer and table actions in view', async () => {
    const album = await seedAlbum(company, '手機專輯', [{ title: '手機歌曲' }]);
    const { context, page, problems } = await signedIn(COMPANY.login, PHONE);
    const banner = page.getByRole('banner');
    const height = (await banner.boundingBox())?.height ?? Infinity;
    expect(height, 'header height at 390 px').toBeLessThanOrEqual(64);

    // Album list: the 刪除 button of a row is in view without scrolling sideways.
    const row = await visible(bodyRows(page.getByRole('tabpanel', { name: '待辦事項' }).getByRole('table')).filter({ hasText: '手機專輯' }));
    expect(await inViewport(row.getByRole('button', { name: '刪除專輯「手機專輯」' })), 'row action in view').toBe(true);
    await check(page, 'seams-13-phone-albums');

    // 選單 opens the agency's menu; a link closes it.
    await banner.getByRole('button', { name: '選單' }).click();
    const drawer = await visible(page.getByRole('dialog', { name: '選單' }));
    await visible(drawer.getByText(COMPANY.login.displayName));
    expect(await mainMenu(page).getByRole('link').allTextContents()).toEqual(['專輯/ISRC回報', '出版者資料異動申請單', '年度使用編號查詢', '年度回報量統計表', '業者操作手冊', '修改密碼']);
    await check(page, 'seams-14-phone-menu');
    await mainMenu(page).getByRole('link', { name: '年度回報量統計表' }).click();
    await page.waitForURL('**/stats');
    await drawer.waitFor({ state: 'hidden' });

    // Album page, 曲目 tab: 編輯 and 刪除 of the track are in view.
    await page.goto(`/albums/${album.id}?tab=tracks`);
    const trackRow = await visible(bodyRows(page.getByRole('tabpanel', { name: '曲目' }).getByRole('table')).filter({ hasText: '手機歌曲' }));
    expect(await inViewport(trackRow.getByRole('link', { name: '編輯「手機歌曲」' })), 'edit in view').toBe(true);
    expect(await inViewport(trackRow.getByRole('button', { name: '刪除曲目「手機歌曲」' })), 'delete in view').toBe(true);
    await check(page, 'seams-15-phone-tracks');

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
