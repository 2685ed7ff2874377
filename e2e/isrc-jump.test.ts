import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ApiSession, seedRegistrant } from './api.js';
import { SCREENSHOT_DIR, axeViolations, launchBrowser, watchConsole } from './browser.js';
import { logIn, loginHeading, settled, unauthorized, visible, type Flow } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';
import { calendarYearAt } from '../src/isrc/year.js';

/**
 * A company's own ISRC typed far past "next available" (自行輸入) in a real browser, zh-TW UI: the
 * server refuses it (409 ISRC_JUMP_UNCONFIRMED) until the user confirms the jump in a dialog that
 * says how many codes it skips; 取消 saves nothing, 確定使用 saves it; a small jump needs no question.
 */

const COMPANY = { name: '躍動唱片有限公司', login: { loginName: 'leap.records', password: 'company-password-9', displayName: '張美玲' } };
const PERFORMER = '躍動樂團';
const YEAR = String(calendarYearAt(new Date(), 'Asia/Taipei') % 100).padStart(2, '0');

let server: RunningServer;
let browser: Browser;
let company: ApiSession;
let code: string;

interface AlbumTracks {
  tracks: { id: string; position: number; recording: { title: string; isrcDisplay: string | null } }[];
}

function own(designation: string): string {
  return `TW-${code}-${YEAR}-${designation}`;
}

/** A complete draft album of the company, with tracks without an ISRC yet. */
async function seedAlbum(title: string, trackTitles: string[] = []): Promise<{ id: string; trackIds: string[] }> {
  const credits = [{ role: 'performer', names: [PERFORMER] }];
  const album = await company.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  await company.call('PATCH', `/albums/${album.id}`, { title, credits, publisher: '躍動唱片', releaseDate: '2025.05.01', productionCompany: '躍動製作', albumType: 'single' });
  const trackIds: string[] = [];
  for (const trackTitle of trackTitles) {
    const track = await company.call<{ id: string }>('POST', `/albums/${album.id}/tracks`, {
      isrc: { mode: 'none' },
      recording: { title: trackTitle, credits, productionCompany: '躍動製作', duration: '0:03:30' },
    });
    trackIds.push(track.id);
  }
  return { id: album.id, trackIds };
}

/** What "next available" would give the company now, as the API says. */
async function nextAvailable(): Promise<string> {
  return (await company.call<{ display: string }>('GET', '/allocations/next')).display;
}

async function tracksOf(albumId: string): Promise<AlbumTracks['tracks']> {
  return (await company.call<AlbumTracks>('GET', `/albums/${albumId}`)).tracks;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  const member = await seedRegistrant(admin, 'company', COMPANY.name, COMPANY.login);
  company = await ApiSession.login(server.baseUrl, member.loginName, member.password);
  code = (await company.call<{ codes: string[] }>('GET', `/registrants/${member.registrantId}`)).codes[0] ?? '';
  expect(code).toMatch(/^[A-Z0-9]{3}$/);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(): Promise<Flow> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'zh-TW', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto('/login');
  await visible(loginHeading(page));
  await logIn(page, COMPANY.login.loginName, COMPANY.login.password);
  return { context, page, problems };
}

/** Chromium's console line for the server's 409 answer to a save. */
function conflict(apiPath: string): string {
  return `console: Failed to load resource: the server responded with a status of 409 (Conflict) (${server.baseUrl}/api/v1${apiPath})`;
}

/** The question, found by its accessible name (its title). */
function jumpDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: '確定要跳號嗎？' });
}

/**
 * The window as the user sees it (scrolled to the top, where the dialog is), saved as a screenshot,
 * with no WCAG 2.1 A/AA violations. Not a full-page shot: antd's mask covers the window only.
 */
async function checkView(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.evaluate('window.scrollTo(0, 0)');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  expect(fs.statSync(file).size, `${name}.png is a rendered page`).toBeGreaterThan(10 * 1024);
  expect(await axeViolations(page), `axe violations on ${name}`).toEqual([]);
}

function toast(page: Page, text: string): Locator {
  return page.locator('.ant-message-notice').filter({ hasText: text });
}

describe('a typed ISRC far past next available asks before it is used (zh-TW)', () => {
  it('asks 確定要跳號嗎？ on a new track: 取消 saves nothing, 確定使用 saves the typed ISRC', async () => {
    const album = await seedAlbum('跳號專輯');
    expect(await nextAvailable()).toBe(own('00001'));
    const far = own('99999');
    const { context, page, problems } = await signedIn();

    // 曲目 tab → 曲目新增 → 新增.
    await page.goto(`/albums/${album.id}`);
    await page.getByRole('tab', { name: '曲目', exact: true }).click();
    await page.getByRole('button', { name: '曲目新增', exact: true }).click();
    const addDialog = await visible(page.getByRole('dialog', { name: '曲目新增' }));
    await addDialog.getByRole('radio', { name: '新增', exact: true }).check();
    await addDialog.getByRole('button', { name: '曲目新增', exact: true }).click();
    await page.waitForURL(`**/albums/${album.id}/tracks/new`);

    await page.getByRole('radio', { name: '自行輸入', exact: true }).check();
    await page.getByLabel('ISRC 編號', { exact: true }).fill(far);
    await page.getByLabel('曲目名稱', { exact: true }).fill('遠方的號碼');
    await page.getByLabel('表演者 1', { exact: true }).fill(PERFORMER);
    await visible(page.getByText(`將使用 ${far}`));
    const save = page.getByRole('button', { name: '儲存修改' });

    // 儲存修改: the server refuses the jump and the page asks, saying how far it jumps.
    await save.click();
    const dialog = await visible(jumpDialog(page));
    expect(await dialog.innerText()).toContain(`此編號將跳過 99,998 個未使用的資料代碼（下一個可用編號為 ${own('00001')}）`);
    await visible(dialog.getByRole('button', { name: '確定使用' }));
    await visible(dialog.getByRole('button', { name: '取消' }));
    await checkView(page, 'isrc-jump-01-confirm');

    // 取消: the dialog closes, the form keeps the typed code, and nothing is saved.
    await dialog.getByRole('button', { name: '取消' }).click();
    await jumpDialog(page).waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/albums/${album.id}/tracks/new`);
    expect(await page.getByLabel('ISRC 編號', { exact: true }).inputValue()).toBe(far);
    expect(await tracksOf(album.id), 'no track saved after 取消').toEqual([]);
    expect(await toast(page, '已新增').count()).toBe(0);

    // Again, and 確定使用: the track is saved with the typed ISRC.
    await save.click();
    await visible(jumpDialog(page));
    await jumpDialog(page).getByRole('button', { name: '確定使用' }).click();
    await visible(toast(page, '已新增第 1 首曲目'));
    await jumpDialog(page).waitFor({ state: 'hidden' });
    await page.waitForURL((url) => /^\/albums\/[^/]+\/tracks\/(?!new$)[^/]+$/.test(url.pathname));
    await visible(page.getByText(far, { exact: true }));
    const saved = await tracksOf(album.id);
    expect(saved.map((track) => [track.recording.title, track.recording.isrcDisplay])).toEqual([['遠方的號碼', far]]);

    // The album's track list shows it too.
    await page.getByRole('link', { name: /^← 回到專輯「跳號專輯」的曲目$/ }).click();
    await page.waitForURL(`**/albums/${album.id}?tab=tracks`);
    const row = await visible(page.getByRole('tabpanel', { name: '曲目' }).getByRole('row').filter({ hasText: '遠方的號碼' }));
    expect(await row.innerText()).toContain(far);

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me'), conflict(`/albums/${album.id}/tracks`), conflict(`/albums/${album.id}/tracks`)]);
    await context.close();
  });

  it("saves a small jump on an existing track's page without asking", async () => {
    const album = await seedAlbum('小跳號專輯', ['近處的號碼']);
    const trackId = album.trackIds[0] ?? '';
    // The far code typed before is not "next available"'s starting point: it is still 00001.
    expect(await nextAvailable()).toBe(own('00001'));
    const near = own('00050');
    const { context, page, problems } = await signedIn();

    await page.goto(`/albums/${album.id}/tracks/${trackId}`);
    await visible(page.getByLabel('曲目名稱', { exact: true }));
    await page.getByRole('radio', { name: '自行輸入', exact: true }).check();
    await page.getByLabel('ISRC 編號', { exact: true }).fill(near);
    await page.getByRole('button', { name: '儲存修改' }).click();
    await visible(toast(page, '已儲存第 1 首曲目'));
    expect(await jumpDialog(page).count(), 'no jump question').toBe(0);
    await visible(page.getByText(near, { exact: true }));
    expect((await tracksOf(album.id)).map((track) => track.recording.isrcDisplay)).toEqual([near]);

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
