import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { checkPage, logIn, loginHeading, openFlow, unauthorized, visible } from './page-checks.js';
import { E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * Security headers and the CSRF check in a real browser: the web app and the API reference work
 * under the Content-Security-Policy (Chromium reports every violation on the console, which each
 * flow collects), and a page of another origin on the same site cannot log a signed-in user out.
 */

let server: RunningServer;
let browser: Browser;
let attacker: http.Server;
let attackerUrl = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Another origin on the same site (127.0.0.1, another port): SameSite=Lax cookies go along with
  // its requests, so only the server's Origin / Sec-Fetch-Site check stands in the way.
  attacker = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>other site</title><p id="status">sending</p><script>
      fetch(${JSON.stringify(`${server.baseUrl}/api/v1/auth/logout`)}, { method: 'POST', mode: 'no-cors', credentials: 'include' })
        .then(() => { document.getElementById('status').textContent = 'sent'; }, () => { document.getElementById('status').textContent = 'sent'; });
    </script>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => attacker?.close(resolve));
});

function cspMessages(problems: string[]): string[] {
  return problems.filter((p) => /Content Security Policy/i.test(p));
}

async function signedInStatus(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
}

describe('security headers and CSRF in Chromium', () => {
  it('the web app signs in and renders under the CSP, antd styles applied', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    const answer = await page.goto('/login');
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
    await visible(loginHeading(page));
    // antd writes its styles into <style> elements at run time: the primary button has its colour.
    const background = String(await page.getByRole('button', { name: '登入', exact: true }).evaluate('(el) => getComputedStyle(el).backgroundColor'));
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    await checkPage(page, 'security-01-review-under-csp');
    expect(cspMessages(problems)).toEqual([]);
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });

  it('the API reference (/api/docs) renders its operations under the CSP', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/api/docs');
    await visible(page.getByText('ISRC Registry API').first());
    await visible(page.locator('.opblock').first());
    await page.screenshot({ path: 'test-results/screenshots/security-02-api-docs.png', fullPage: false });
    expect(cspMessages(problems)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a page of another origin cannot log the signed-in user out', async () => {
    const { context, page, problems } = await openFlow(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
    expect(await signedInStatus(page)).toBe(200);

    const other = await context.newPage();
    await other.goto(attackerUrl);
    await visible(other.getByText('sent', { exact: true }));
    await other.close();

    expect(await signedInStatus(page)).toBe(200);
    expect(problems).toEqual([unauthorized(server.baseUrl, '/auth/me')]);
    await context.close();
  });
});
