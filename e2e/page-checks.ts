import { expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, screenshot, watchConsole } from './browser.js';

/**
 * What every browser test does on every page: open a fresh zh-TW context, wait for the page to
 * settle, check it (screenshot and axe), and name the console errors the app's normal flow makes.
 */

export interface Flow {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors, in order; each test asserts the exact list at its end. */
  problems: string[];
}

/** A fresh context (own cookies and storage) in Traditional Chinese, with console errors collected. */
export async function openFlow(browser: Browser, baseUrl: string, reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<Flow> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-TW', viewport: { width: 1280, height: 800 }, reducedMotion });
  const page = await context.newPage();
  return { context, page, problems: watchConsole(page) };
}

/**
 * Waits until the page has settled: nothing is loading (antd's Spin marks itself aria-busy, e.g. a
 * table fetching its rows) and no finite CSS animation or transition is running (a dialog zooming
 * in, a table fading back in after loading), so the screenshot and axe's contrast checks see the
 * finished page. Endless animations, such as a spinner, are not waited for.
 *
 * The animations alone are not enough: antd (rc-motion) first renders an opening dialog in a
 * "prepare" and a "start" step, transparent, and names its CSS animation only in the "active"
 * step a frame or two later. Until then nothing is running, so those two steps' classes
 * (`ant-zoom-appear-prepare`, `ant-zoom-appear-start`, `…-leave-start`) are waited for too. Not the
 * "active" step's: its animation is running (caught above), and a motion can stay in that step
 * for good when its transition never ends (a button's loading icon that had not appeared yet).
 */
export async function settled(page: Page): Promise<void> {
  await waitUntil(
    page,
    `document.querySelector('[aria-busy="true"]') === null &&
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect === null || a.effect.getComputedTiming().iterations === Infinity) &&
      Array.from(document.querySelectorAll('[class]')).every((el) => !Array.from(el.classList).some((c) => /-(appear|enter|leave)-(prepare|start)$/.test(c)))`,
  );
}

/**
 * Waits until a JavaScript expression is true in the page. Not `page.waitForFunction`: it polls with
 * `eval()` from page timers, which the server's CSP (`script-src 'self'`, no `'unsafe-eval'`) forbids;
 * `page.evaluate` runs through the DevTools protocol, which the CSP does not govern. No `bypassCSP`:
 * every browser test runs the app under its real policy, and a violation is a console error.
 */
export async function waitUntil(page: Page, expression: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(`Boolean(${expression})`))) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every page the test visits: a real rendered screenshot and no WCAG 2.1 A/AA violations. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await settled(page);
  // A full-page screenshot draws fixed layers (dialog, messages) where the window is; from the
  // top of the page they land where the user sees them instead of over the middle of the page.
  await page.evaluate('window.scrollTo(0, 0)');
  const bytes = await screenshot(page, name);
  expect(bytes, `${name}.png is a rendered page`).toBeGreaterThan(10 * 1024);
  expect(await axeViolations(page), `axe violations on ${name}`).toEqual([]);
}

/**
 * Chromium logs every 4xx answer as a console error. These 401s are the app's normal flow: asking
 * /auth/me before anyone has signed in, and a refused login. Any other console error fails the test.
 */
export function unauthorized(baseUrl: string, apiPath: '/auth/me' | '/auth/login'): string {
  return `console: Failed to load resource: the server responded with a status of 401 (Unauthorized) (${baseUrl}/api/v1${apiPath})`;
}

export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

export function loginHeading(page: Page, name = '登入'): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

export function mainMenu(page: Page): Locator {
  return page.getByRole('navigation', { name: '主選單' });
}

/** Signs in on the login page and waits for the role's start page (專輯/ISRC回報, or 審核 for officers). */
export async function logIn(page: Page, loginName: string, password: string): Promise<void> {
  await page.getByLabel('帳號', { exact: true }).fill(loginName);
  await page.getByLabel('密碼', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登入', exact: true }).click();
  // Each role lands on its own home: registrants on their albums, officers on 審核.
  await page.waitForURL((url) => url.pathname === '/albums' || url.pathname === '/review' || url.pathname === '/application');
  const home = new URL(page.url()).pathname;
  const heading = home === '/albums' ? '專輯/ISRC回報' : home === '/review' ? '審核' : undefined;
  await visible(page.getByRole('heading', { level: 1, ...(heading === undefined ? {} : { name: heading, exact: true }) }));
}
