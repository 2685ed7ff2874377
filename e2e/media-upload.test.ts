import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Locator, Page } from 'playwright-core';
import { ApiSession, seedRegistrant } from './api.js';
import { launchBrowser } from './browser.js';
import { DropProxy } from './drop-proxy.js';
import { checkPage, logIn, loginHeading, openFlow, unauthorized, visible, type Flow } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * Audio in the track table and 數位媒體批次上傳 in a real browser (zh-TW), against the real server
 * and its tus endpoint: a wav made with sox uploaded to one track, then a batch named by ISRCs,
 * the player and technical data, a refused file in the server's words, progress with speed and
 * time left, pause and resume, a dropped connection that resumes, a reload that offers to resume,
 * and the phone layout. Every state is screenshotted and checked with axe.
 */

const run = promisify(execFile);
const MEMBER = { loginName: 'media.member', password: 'member-password-1', displayName: '陳音檔' };
const TITLES = ['晨光', '午後', '夜曲', '尾聲', '安可'];
const PHONE = { width: 390, height: 844 };

interface SeededTrack {
  id: string;
  recording: { isrc: string; isrcDisplay: string; title: string };
}
interface AlbumAudio {
  tracks: { id: string; audio: { sha256: string; fileName: string } | null }[];
}

let server: RunningServer;
let browser: Browser;
let member: ApiSession;
let albumId = '';
const tracks: SeededTrack[] = [];
let dir = '';

async function sox(name: string, seconds: number): Promise<string> {
  const file = path.join(dir, name);
  await run('sox', ['-n', '-r', '44100', '-c', '2', file, 'synth', String(seconds), 'sine', '440']);
  return file;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function track(index: number): SeededTrack {
  const found = tracks[index];
  if (found === undefined) {
    throw new Error(`no track ${index}`);
  }
  return found;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-e2e-'));
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  await seedRegistrant(admin, 'company', '晨曦音樂有限公司', MEMBER);
  member = await ApiSession.login(server.baseUrl, MEMBER.loginName, MEMBER.password);
  const credits = [{ role: 'performer', names: ['晨曦樂團'] }];
  const album = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  albumId = album.id;
  await member.call('PATCH', `/albums/${albumId}`, { title: '晨曦數位專輯', credits, publisher: '晨曦音樂', releaseDate: '2025.05.01', productionCompany: '晨曦製作', albumType: 'single' });
  for (const title of TITLES) {
    tracks.push(
      await member.call<SeededTrack>('POST', `/albums/${albumId}/tracks`, {
        isrc: { mode: 'next' },
        recording: { title, credits, productionCompany: '晨曦製作', duration: '0:00:03' },
      }),
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir !== '') {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function signedIn(baseUrl = server.baseUrl): Promise<Flow> {
  const flow = await openFlow(browser, baseUrl);
  await flow.page.goto('/login');
  await visible(loginHeading(flow.page));
  await logIn(flow.page, MEMBER.loginName, MEMBER.password);
  return flow;
}

async function openTracks(page: Page): Promise<void> {
  await page.goto(`/albums/${albumId}?tab=tracks`);
  await visible(page.getByRole('tab', { name: '曲目', selected: true }));
  await visible(
    page
      .getByRole('row')
      .filter({ hasText: track(0).recording.title })
      .first(),
  );
}

function row(page: Page, index: number): Locator {
  return page.getByRole('row').filter({ hasText: track(index).recording.isrcDisplay });
}

/** Picks files through the real file chooser the button opens. */
async function choose(page: Page, button: Locator, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(files);
}

async function audioOnServer(index: number): Promise<{ sha256: string; fileName: string } | null> {
  const album = await member.call<AlbumAudio>('GET', `/albums/${albumId}`);
  return album.tracks.find((t) => t.id === track(index).id)?.audio ?? null;
}

/** Slows the page's uploads down (bytes per second), so bars, pause and a dropped connection can be seen. */
async function throttle(page: Page, uploadBytesPerSecond: number, offline = false): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline, latency: 20, downloadThroughput: -1, uploadThroughput: uploadBytesPerSecond });
  return cdp;
}

async function setOffline(cdp: CDPSession, offline: boolean, uploadBytesPerSecond: number): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', { offline, latency: 20, downloadThroughput: -1, uploadThroughput: uploadBytesPerSecond });
}

async function progressNow(bar: Locator): Promise<number> {
  return Number((await bar.getAttribute('aria-valuenow')) ?? '-1');
}

/** The tus uploads the page creates (POST /api/v1/uploads), recorded from now on. */
function creations(page: Page): string[] {
  const created: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/uploads') {
      created.push(request.url());
    }
  });
  return created;
}

/** Console errors a test expects (4xx answers Chromium logs, a connection cut on purpose); anything else fails it. */
function unexpected(problems: string[], allowed: RegExp[]): string[] {
  return problems.filter((p) => !allowed.some((pattern) => pattern.test(p)));
}

describe('audio uploads in Chromium (zh-TW)', () => {
  it('uploads a wav to one track: player, technical data; a text file named .mp3 is refused in words', async () => {
    const { context, page, problems } = await signedIn();
    await openTracks(page);
    await visible(row(page, 0).getByText('尚未上傳'));
    await checkPage(page, 'media-01-tracks');

    const wav = await sox('tone.wav', 3);
    await choose(page, row(page, 0).getByRole('button', { name: `上傳音檔：${track(0).recording.title}` }), [wav]);
    const player = row(page, 0).getByLabel(`播放「${track(0).recording.title}」`);
    await visible(player);
    expect(await player.getAttribute('preload')).toBe('none');
    await visible(row(page, 0).getByText('tone.wav'));
    const facts = await row(page, 0).locator('.track-audio-facts').innerText();
    expect(facts).toContain('長度 0:03');
    expect(facts).toContain('44.1 kHz');
    expect(facts).toContain('立體聲');
    expect(facts).toMatch(/pcm_s16le|PCM/i);
    await visible(page.getByRole('status').filter({ hasText: '「tone.wav」已上傳' }));
    expect((await audioOnServer(0))?.sha256).toBe(sha256(wav));
    await checkPage(page, 'media-02-track-uploaded');

    // The player plays from the server (Range requests).
    const src = (await player.getAttribute('src')) ?? '';
    const ranged = await page.evaluate<{ status: number; type: string | null }>(
      `fetch(${JSON.stringify(src)}, { headers: { Range: 'bytes=0-99' } }).then((r) => ({ status: r.status, type: r.headers.get('content-type') }))`,
    );
    expect(ranged.status).toBe(206);

    const text = path.join(dir, 'notes.mp3');
    fs.writeFileSync(text, 'These are liner notes, not audio.\n'.repeat(200));
    await choose(page, row(page, 1).getByRole('button', { name: `上傳音檔：${track(1).recording.title}` }), [text]);
    const refusal = await visible(row(page, 1).getByRole('alert').filter({ hasText: '「notes.mp3」未存入：' }));
    expect((await refusal.innerText()).length).toBeGreaterThan('「notes.mp3」未存入：'.length + 2);
    expect(await audioOnServer(1)).toBeNull();
    // The server removed the refused upload, so the browser keeps nothing to resume.
    expect(await page.evaluate<number>(`Object.keys(localStorage).filter((k) => k.startsWith('tus::')).length`)).toBe(0);
    await checkPage(page, 'media-03-refused');

    expect(unexpected(problems, [/status of 422/])).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it("lets the officer hear the uploaded audio on the album's review page", async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await visible(loginHeading(page));
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.goto(`/review/${albumId}`);
    await visible(page.getByRole('heading', { level: 1, name: '晨曦數位專輯' }));
    const player = page.getByLabel(`播放「${track(0).recording.title}」`);
    await visible(player);
    expect(await player.getAttribute('src')).toContain(`/tracks/${track(0).id}/audio`);
    await visible(page.getByText('尚未上傳').first());
    await checkPage(page, 'media-15-review-audio');
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('數位媒體批次上傳: preview by name, two at a time, results; the track table refreshes', async () => {
    const { context, page, problems } = await signedIn();
    await openTracks(page);
    await page.getByRole('button', { name: '數位媒體批次上傳' }).click();
    await visible(page.getByRole('heading', { level: 2, name: '數位媒體批次上傳' }));
    await visible(page.getByText(`檔案名稱必須是該錄音資料之 ISRC 編碼命名，如 ${track(0).recording.isrc}.mp3。`));
    await checkPage(page, 'media-04-batch-choose');

    const second = await sox(`${track(1).recording.isrc}.wav`, 3);
    // Any spelling the core accepts: TW-A01-26-00003.wav.
    const third = await sox(`${track(2).recording.isrcDisplay}.wav`, 2);
    const refused = path.join(dir, `${track(3).recording.isrc.toLowerCase()}.mp3`);
    fs.writeFileSync(refused, '#!/bin/sh\necho not audio\n');
    const unnamed = await sox('my-song.wav', 1);
    const stranger = await sox('TWZZZ2600001.wav', 1);
    await choose(page, page.getByRole('button', { name: '選擇檔案' }), [second, third, refused, unnamed, stranger]);

    await visible(page.getByRole('heading', { level: 3, name: '上傳前確認' }));
    const preview = page.locator('#batch-upload');
    await visible(
      preview
        .getByRole('row')
        .filter({ hasText: `${track(1).recording.isrc}.wav` })
        .getByText('將上傳'),
    );
    await visible(preview.getByRole('row').filter({ hasText: 'my-song.wav' }).getByText('檔案名稱不是 ISRC 編碼'));
    await visible(preview.getByRole('row').filter({ hasText: 'TWZZZ2600001.wav' }).getByText('此專輯沒有 ISRC 為 TWZZZ2600001 的曲目'));
    await checkPage(page, 'media-05-batch-preview');

    // Slowed down to watch it: two files at a time, a bar for each and one for the batch; pause and resume.
    const cdp = await throttle(page, 96 * 1024);
    await page.getByRole('button', { name: '開始上傳（3 個檔案）' }).click();
    await visible(page.getByRole('heading', { level: 3, name: '上傳中' }));
    const batchBar = await visible(page.getByRole('progressbar', { name: '批次上傳總進度' }));
    await visible(
      preview
        .getByRole('row')
        .filter({ hasText: path.basename(refused) })
        .getByText(/^等待上傳/),
    );
    await expect.poll(() => preview.getByText(/^上傳中 · /).count()).toBe(2);
    await visible(preview.getByRole('progressbar', { name: `「${path.basename(second)}」上傳進度` }));
    await expect.poll(() => progressNow(batchBar), { timeout: 15_000 }).toBeGreaterThan(3);
    await expect.poll(() => preview.locator('.batch-progress').innerText()).toMatch(/0 \/ 3 個檔案 · [\d.]+ [KM]B \/ [\d.]+ MB · [\d.]+ [KM]B\/s · 剩餘 \d+:\d\d/);
    await checkPage(page, 'media-05b-batch-uploading');
    await preview.getByRole('button', { name: '暫停' }).click();
    await expect.poll(() => preview.getByText(/^已暫停/).count()).toBe(3);
    await checkPage(page, 'media-05c-batch-paused');
    await setOffline(cdp, false, -1);
    await preview.getByRole('button', { name: '繼續' }).click();
    await visible(page.getByRole('heading', { level: 3, name: '上傳結果' }));
    await visible(page.getByText('已上傳 2 個，未存入 1 個，未上傳 2 個。'));
    await visible(page.getByRole('status').filter({ hasText: '批次上傳完成：已上傳 2 個，未存入 1 個。' }));
    const results = preview.getByRole('row');
    await visible(results.filter({ hasText: `${track(1).recording.isrc}.wav` }).getByText('已上傳'));
    await visible(results.filter({ hasText: path.basename(refused) }).getByText('未存入'));
    await visible(results.filter({ hasText: 'my-song.wav' }).getByText('不上傳'));
    // The track table has read the album again: players for the new files.
    await visible(row(page, 1).getByLabel(`播放「${track(1).recording.title}」`));
    await visible(row(page, 2).getByLabel(`播放「${track(2).recording.title}」`));
    expect((await audioOnServer(1))?.sha256).toBe(sha256(second));
    expect((await audioOnServer(2))?.sha256).toBe(sha256(third));
    expect(await audioOnServer(3)).toBeNull();
    await checkPage(page, 'media-06-batch-results');

    await page.setViewportSize(PHONE);
    await checkPage(page, 'media-07-batch-results-phone');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

    expect(unexpected(problems, [/status of 422/])).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('shows progress with speed and time left, pauses and resumes, and resumes after the connection drops', async () => {
    // Through a proxy whose connection the test cuts.
    const { proxy, baseUrl } = await DropProxy.start(server.baseUrl);
    const { context, page, problems } = await signedIn(baseUrl);
    await openTracks(page);
    const long = await sox('long.wav', 12);
    const rate = 256 * 1024;
    const cdp = await throttle(page, rate);
    const created = creations(page);
    await choose(page, row(page, 3).getByRole('button', { name: `上傳音檔：${track(3).recording.title}` }), [long]);
    const bar = row(page, 3).getByRole('progressbar', { name: '「long.wav」上傳進度' });
    await visible(bar);
    await expect.poll(() => progressNow(bar), { timeout: 15_000 }).toBeGreaterThan(5);
    await expect.poll(() => row(page, 3).locator('.upload-progress-text').innerText()).toMatch(/上傳中 · [\d.]+ [KM]B \/ 4\.0 MB · [\d.]+ [KM]B\/s · 剩餘 \d+:\d\d/);
    // Checked once paused: while bytes flow the bar's transitions never settle long enough for the
    // page check, which polls through the DevTools protocol (the CSP forbids in-page polling).
    await row(page, 3).getByRole('button', { name: '暫停' }).click();
    await visible(row(page, 3).getByText(/^已暫停/));
    const paused = await progressNow(bar);
    await checkPage(page, 'media-08-paused');
    // Offline while paused: 繼續 waits for the connection, and goes on by itself when it is back.
    await setOffline(cdp, true, rate);
    await row(page, 3).getByRole('button', { name: '繼續' }).click();
    await visible(row(page, 3).getByText(/連線中斷/));
    await checkPage(page, 'media-09-offline');
    await setOffline(cdp, false, rate);
    await expect.poll(() => progressNow(bar), { timeout: 15_000 }).toBeGreaterThan(paused + 5);

    // The connection drops in the middle of a request: tus tries again and resumes once it is back.
    proxy.drop();
    await visible(row(page, 3).getByText(/連線中斷/));
    const cut = await progressNow(bar);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    proxy.restore();
    await setOffline(cdp, false, rate * 4);
    await visible(row(page, 3).getByLabel(`播放「${track(3).recording.title}」`));
    expect(cut).toBeLessThan(100);
    // 12 s of audio for a track declared 0:00:03: stored, with a warning beside it.
    await visible(row(page, 3).getByRole('alert').filter({ hasText: '請確認' }));
    // One upload created; the pause, the offline spell and the dropped connection each resumed it, and every byte arrived.
    expect(created).toHaveLength(1);
    expect((await audioOnServer(3))?.sha256).toBe(sha256(long));
    await checkPage(page, 'media-10-resumed');

    expect(unexpected(problems, [/net::ERR_/])).toEqual([unauthorized(baseUrl, '/auth/me')]);
    await context.close();
    await proxy.close();
  });

  it('after a reload, offers the unfinished upload and resumes it when the same file is chosen again', async () => {
    const { context, page, problems } = await signedIn();
    await openTracks(page);
    const long = await sox('again.wav', 12);
    const rate = 256 * 1024;
    const cdp = await throttle(page, rate);
    await choose(page, row(page, 4).getByRole('button', { name: `上傳音檔：${track(4).recording.title}` }), [long]);
    const bar = row(page, 4).getByRole('progressbar', { name: '「again.wav」上傳進度' });
    await expect.poll(() => progressNow(bar), { timeout: 15_000 }).toBeGreaterThan(20);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await visible(
      page
        .getByRole('row')
        .filter({ hasText: track(0).recording.title })
        .first(),
    );
    const offer = await visible(page.getByRole('alert').filter({ hasText: '有 1 個音檔尚未上傳完成' }));
    expect(await offer.innerText()).toMatch(new RegExp(`again\\.wav（5\\. ${TITLES[4] ?? ''}，已上傳 [1-9]\\d?%）`));
    await checkPage(page, 'media-11-unfinished');

    // Choosing it again resumes: no new upload is created.
    const created = creations(page);
    await setOffline(cdp, false, -1);
    await choose(page, row(page, 4).getByRole('button', { name: `上傳音檔：${track(4).recording.title}` }), [long]);
    await visible(row(page, 4).getByLabel(`播放「${track(4).recording.title}」`));
    expect(created).toEqual([]);
    expect((await audioOnServer(4))?.sha256).toBe(sha256(long));
    await expect.poll(() => page.getByText('有 1 個音檔尚未上傳完成').count()).toBe(0);

    expect(unexpected(problems, [/ERR_/])).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('lays the track table out on a phone, every track with its player; 移除 asks once', async () => {
    const { context, page, problems } = await signedIn();
    await page.setViewportSize(PHONE);
    await openTracks(page);
    // Each track's audio is a full-width line under it: player and buttons in view without scrolling sideways.
    for (const index of [0, 1, 2, 3, 4]) {
      await visible(page.getByLabel(`播放「${track(index).recording.title}」`));
    }
    const remove = page.getByRole('button', { name: `移除音檔：${track(0).recording.title}` });
    await remove.scrollIntoViewIfNeeded();
    const box = await remove.boundingBox();
    expect(box !== null && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    await checkPage(page, 'media-12-phone');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

    await remove.click();
    await visible(page.getByText(`確定移除「${track(0).recording.title}」的音檔「tone.wav」？`));
    await checkPage(page, 'media-13-remove-confirm');
    await page.getByRole('button', { name: '移除', exact: true }).click();
    await visible(page.getByRole('button', { name: `上傳音檔：${track(0).recording.title}` }));
    expect(await audioOnServer(0)).toBeNull();

    // The same in English, beside zh-TW (on a desktop, where the language buttons are in the header).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('group', { name: '語言' }).getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('button', { name: `Upload audio: ${track(0).recording.title}` }));
    await page.getByRole('button', { name: 'Batch media upload' }).click();
    await visible(page.getByText(`Name each file by the ISRC of its recording, e.g. ${track(0).recording.isrc}.mp3.`));
    await visible(page.getByLabel(`Play “${track(1).recording.title}”`));
    // The server's warning, asked again in English.
    await visible(
      page
        .getByRole('alert')
        .filter({ hasText: 'Please check' })
        .getByText(/\b12\b.*\b3\b/)
        .first(),
    );
    await expect.poll(() => page.getByText('相差超過').count()).toBe(0);
    await checkPage(page, 'media-14-english');

    // Files dropped on the zone are previewed like chosen ones.
    const dropped = await page.evaluateHandle(
      `(() => { const data = new DataTransfer(); data.items.add(new File(['RIFF'], ${JSON.stringify(`${track(0).recording.isrc}.wav`)}, { type: 'audio/wav' })); return data; })()`,
    );
    await page.locator('.batch-drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await visible(page.getByRole('heading', { level: 3, name: 'Check before uploading' }));
    await visible(
      page
        .getByRole('row')
        .filter({ hasText: `${track(0).recording.isrc}.wav` })
        .getByText('Will be uploaded'),
    );
    await visible(page.getByRole('button', { name: 'Start upload (1 file)' }));

    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
