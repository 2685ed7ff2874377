import { buildApp } from '../../src/http/app.js';
import type { AppInstance } from '../../src/http/types.js';
import type { ServiceContext } from '../../src/db/context.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';

export async function testApp(ctx: ServiceContext): Promise<AppInstance> {
  const app = await buildApp({ ctx });
  await app.ready();
  return app;
}

/** Logs in through the API and returns the Cookie header value for later requests. */
export async function loginCookie(app: AppInstance, loginName: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName, password } });
  if (res.statusCode !== 200) {
    throw new Error(`login failed for ${loginName}: ${res.statusCode} ${res.body}`);
  }
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (cookie === undefined) {
    throw new Error('no session cookie set');
  }
  return `${SESSION_COOKIE}=${cookie.value}`;
}
