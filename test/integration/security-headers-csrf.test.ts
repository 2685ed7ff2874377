import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { AppInstance } from '../../src/http/types.js';
import { loginCookie } from '../helpers/app.js';
import { API, createAlbum, failed, memberSession, type MemberSession } from '../helpers/catalog.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { multipartBody, pngImage } from './change-requests-fixtures.js';

const env = useTestApp(realClock);
let s: MemberSession;

beforeAll(async () => {
  s = await memberSession(env);
});

/** A state-changing request (my e-mail language) with the session cookie and the given headers. */
function setLocale(cookie: string, headers: Record<string, string>, lang = 'zh-TW') {
  return env.app.inject({ method: 'PUT', url: `${API}/auth/me/locale`, headers: { cookie, 'accept-language': lang, ...headers }, payload: { locale: 'zh-TW' } });
}

describe('security headers', () => {
  it('sends a CSP without inline script, no framing, nosniff and a referrer policy on API answers and the API reference', async () => {
    for (const url of [`${API}/auth/me`, '/api/docs', '/api/openapi.json']) {
      const res = await env.app.inject({ method: 'GET', url, headers: { cookie: s.api.cookie } });
      expect(res.statusCode, url).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
          .map(([name, ...values]) => [name, values]),
      );
      expect(directives.get('script-src'), url).toEqual(["'self'"]);
      expect(directives.get('script-src-attr')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    }
  });
});

describe('CSRF: state-changing requests with a session cookie', () => {
  it('refuses Sec-Fetch-Site cross-site and same-site, in both languages', async () => {
    const zh = failed(await setLocale(s.api.cookie, { 'sec-fetch-site': 'cross-site' }), 403, 'CROSS_SITE_REQUEST');
    expect(zh.message).toBe('這個請求來自其他網站，為保護您的帳號已拒絕。請直接在本系統的頁面上操作。');
    const en = failed(await setLocale(s.api.cookie, { 'sec-fetch-site': 'cross-site' }, 'en'), 403, 'CROSS_SITE_REQUEST');
    expect(en.message).toMatch(/came from another website/);
    failed(await setLocale(s.api.cookie, { 'sec-fetch-site': 'same-site', origin: 'http://localhost' }), 403, 'CROSS_SITE_REQUEST');
  });

  it('refuses an Origin that is not the server’s own, also `null` and a look-alike', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example', 'http://localhost:8080', 'https://localhost']) {
      failed(await setLocale(s.api.cookie, { origin }), 403, 'CROSS_SITE_REQUEST');
    }
  });

  it('lets same-origin requests through, and requests without either header (not a browser)', async () => {
    expect((await setLocale(s.api.cookie, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(204);
    expect((await setLocale(s.api.cookie, { origin: 'http://localhost:80' })).statusCode).toBe(204);
    expect((await setLocale(s.api.cookie, {})).statusCode).toBe(204);
  });

  it('does not check reads, requests without the cookie, or Bearer requests (the cookie beside a token is ignored)', async () => {
    const read = await env.app.inject({ method: 'GET', url: `${API}/auth/me`, headers: { cookie: s.api.cookie, 'sec-fetch-site': 'cross-site' } });
    expect(read.statusCode).toBe(200);
    const anonymous = await env.app.inject({ method: 'PUT', url: `${API}/auth/me/locale`, headers: { 'sec-fetch-site': 'cross-site' }, payload: { locale: 'en' } });
    failed(anonymous, 401, 'UNAUTHENTICATED');
    const bearer = await env.app.inject({
      method: 'PUT',
      url: `${API}/auth/me/locale`,
      headers: { cookie: s.api.cookie, authorization: 'Bearer isrc_not-a-real-token', 'sec-fetch-site': 'cross-site' },
      payload: { locale: 'en' },
    });
    failed(bearer, 401, 'API_TOKEN_INVALID');
  });

  it('refuses a cross-site multipart upload and a tus upload before reading the body', async () => {
    const album = await createAlbum(s.api);
    const { payload, headers } = multipartBody('cover.png', pngImage(), 'image/png');
    const cover = await env.app.inject({ method: 'PUT', url: `${API}/albums/${album.id}/cover`, payload, headers: { ...headers, cookie: s.api.cookie, origin: 'https://evil.example' } });
    failed(cover, 403, 'CROSS_SITE_REQUEST');
    const tus = await env.app.inject({
      method: 'POST',
      url: `${API}/uploads`,
      headers: { cookie: s.api.cookie, 'sec-fetch-site': 'cross-site', 'tus-resumable': '1.0.0', 'upload-length': '10' },
    });
    failed(tus, 403, 'CROSS_SITE_REQUEST');
  });

  it('logging in with a forged cross-site request of a signed-in browser is refused too', async () => {
    const login = await env.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      headers: { cookie: s.api.cookie, origin: 'https://evil.example' },
      payload: { loginName: s.member.loginName, password: s.member.password },
    });
    failed(login, 403, 'CROSS_SITE_REQUEST');
  });
});

describe('CSRF behind the proxy', () => {
  let proxied: AppInstance;
  let cookie: string;

  beforeAll(async () => {
    proxied = await buildApp({ ctx: env.ctx, trustProxy: '10.0.0.1', publicUrl: 'https://isrc.example.org/registry' });
    await proxied.ready();
    cookie = await loginCookie(proxied, s.member.loginName, s.member.password);
  });
  afterAll(async () => {
    await proxied.close();
  });

  const put = (remoteAddress: string, headers: Record<string, string>) =>
    proxied.inject({ method: 'PUT', url: `${API}/auth/me/locale`, remoteAddress, headers: { cookie, ...headers }, payload: { locale: 'zh-TW' } });

  it('takes the origin from X-Forwarded-Proto/Host of the trusted proxy, or PUBLIC_URL', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'registry.example.org' };
    expect((await put('10.0.0.1', { ...forwarded, origin: 'https://registry.example.org' })).statusCode).toBe(204);
    expect((await put('10.0.0.1', { origin: 'https://isrc.example.org' })).statusCode).toBe(204);
    failed(await put('10.0.0.1', { ...forwarded, origin: 'http://registry.example.org' }), 403, 'CROSS_SITE_REQUEST');
  });

  it('ignores forwarded headers from anyone else', async () => {
    const spoofed = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };
    failed(await put('10.9.9.9', { ...spoofed, origin: 'https://evil.example' }), 403, 'CROSS_SITE_REQUEST');
  });
});
