import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download } from 'playwright-core';
import { readWithYaz, subfieldValues } from '../test/helpers/yaz-marc.js';
import { ApiSession } from './api.js';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 匯出 MARC in a real browser (zh-TW): the member downloads an approved album as ISO 2709 from the
 * album page (no control on a draft), and an officer exports a range of approval days as MARCXML
 * from 送存總覽; both files are read back by yaz-marcdump.
 */

const MEMBER = { loginName: 'marc.member', password: 'member-password-1', displayName: '張小芬' };
const OFFICER = { loginName: 'marc.officer', password: 'officer-password-1', displayName: '王編目', role: 'agency_officer' };
const TITLE = '星河之歌';

let server: RunningServer;
let browser: Browser;
let albumId = '';
let draftId = '';
let isrc = '';

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) {
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

/** Today in the agency's calendar (the e2e server runs in Asia/Taipei), as the pickers show it. */
function agencyToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(new Date()).replaceAll('-', '.');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  await admin.call('POST', '/users', OFFICER);
  const registrant = await admin.call<{ id: string }>('POST', '/registrants', { kind: 'company', name: '星河唱片有限公司', contactPerson: MEMBER.displayName });
  await admin.call('POST', `/registrants/${registrant.id}/codes`, {});
  await admin.call('POST', `/registrants/${registrant.id}/users`, MEMBER);
  const member = await ApiSession.login(server.baseUrl, MEMBER.loginName, MEMBER.password);
  const credits = [{ role: 'performer', names: ['星河樂團'] }];
  const fields = { title: TITLE, credits, publisher: '星河唱片', releaseDate: '2025.05.01', productionCompany: '星河製作', albumType: 'single' };
  const album = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  albumId = album.id;
  await member.call('PATCH', `/albums/${album.id}`, fields);
  const track = await member.call<{ recording: { isrc: string } }>('POST', `/albums/${album.id}/tracks`, {
    isrc: { mode: 'next' },
    recording: { title: '銀河', credits, productionCompany: '星河製作', duration: '0:03:45' },
  });
  isrc = track.recording.isrc;
  await member.call('POST', `/albums/${album.id}/submit`);
  await admin.call('POST', `/albums/${album.id}/approve`);
  const draft = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  draftId = draft.id;
  await member.call('PATCH', `/albums/${draft.id}`, { ...fields, title: '草稿專輯' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('MARC export in Chromium (zh-TW)', () => {
  it('the member downloads the approved album as ISO 2709; a draft has no control', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, MEMBER.loginName, MEMBER.password);
    await page.goto(`/albums/${albumId}`);
    const button = await visible(page.getByRole('button', { name: '匯出 MARC' }));
    await button.click();
    const item = await visible(page.getByRole('menuitem', { name: /ISO 2709/ }));
    await checkPage(page, 'marc-01-album-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
    expect(download.suggestedFilename()).toMatch(/^album-\d+\.mrc$/);
    const reading = await readWithYaz(await bytesOf(download), 'mrc');
    expect(reading.stderr).toBe('');
    expect(reading.diagnostics).toEqual([]);
    expect(subfieldValues(reading.records[0]!, '024', 'a')).toEqual([isrc]);
    expect(subfieldValues(reading.records[0]!, '245', 'a')).toEqual([`${TITLE} /`]);

    await page.goto(`/albums/${draftId}`);
    await visible(page.getByRole('heading', { level: 1, name: '草稿專輯' }));
    expect(await page.getByRole('button', { name: '匯出 MARC' }).count()).toBe(0);
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('the officer exports the albums approved in a period from 送存總覽', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, OFFICER.loginName, OFFICER.password);
    await page.goto('/admin/deposits');
    await (await visible(page.getByRole('tab', { name: '匯出 MARC' }))).click();
    await visible(page.getByRole('heading', { name: '匯出 MARC 書目紀錄' }));
    await page.getByRole('button', { name: '匯出', exact: true }).click();
    await visible(page.getByText('請選擇審核通過日期的起日與迄日。'));
    await checkPage(page, 'marc-02-range-required');

    await page.locator('#marc-period').fill('2025.01.01');
    await page.locator('#marc-period').press('Enter');
    await page.locator('#marc-period-end').fill(agencyToday());
    await page.locator('#marc-period-end').press('Enter');
    // Leaving the picker commits the typed day; the message then goes (antd fades it out).
    await page.getByRole('heading', { name: '匯出 MARC 書目紀錄' }).click();
    await page.getByText('請選擇審核通過日期的起日與迄日。').waitFor({ state: 'hidden', timeout: 5000 });
    await checkPage(page, 'marc-03-range-filled');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '匯出', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^marc-2025-01-01_\d{4}-\d{2}-\d{2}\.xml$/);
    const reading = await readWithYaz((await bytesOf(download)).toString('utf8'), 'xml');
    expect(reading.stderr).toBe('');
    expect(reading.records.flatMap((r) => subfieldValues(r, '024', 'a'))).toContain(isrc);
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
