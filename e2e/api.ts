/**
 * Seeding through the real HTTP API (never the database), so browser tests start from states a
 * user could have reached: registrants, logins, approved albums.
 */
export class ApiSession {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async login(baseUrl: string, loginName: string, password: string): Promise<ApiSession> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginName, password }),
    });
    if (!res.ok) {
      throw new Error(`login ${loginName}: ${res.status} ${await res.text()}`);
    }
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return new ApiSession(baseUrl, cookie);
  }

  /** The session's Cookie header, for requests `call` does not make (uploads). */
  cookieHeader(): string {
    return this.cookie;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`${method} ${path}: ${res.status} ${text}`);
    }
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
}

export interface SeededMember {
  registrantId: string;
  loginName: string;
  password: string;
}

/** A registrant with one login (and a registrant code for companies), created by the agency. */
export async function seedRegistrant(
  admin: ApiSession,
  kind: 'company' | 'individual',
  name: string,
  login: { loginName: string; password: string; displayName: string },
): Promise<SeededMember> {
  const registrant = await admin.call<{ id: string }>('POST', '/registrants', { kind, name, contactPerson: login.displayName });
  if (kind === 'company') {
    await admin.call('POST', `/registrants/${registrant.id}/codes`, {});
  }
  await admin.call('POST', `/registrants/${registrant.id}/users`, login);
  return { registrantId: registrant.id, loginName: login.loginName, password: login.password };
}

/** The agency's first pool code, so individuals can be assigned ISRCs. */
export async function ensurePoolCode(admin: ApiSession): Promise<void> {
  const settings = await admin.call<{ poolCodes: unknown[] }>('GET', '/settings');
  if (settings.poolCodes.length === 0) {
    await admin.call('POST', '/settings/pool-codes', {});
  }
}

/** A company album with one track, submitted by the company and approved by the agency. */
export async function seedApprovedRecording(admin: ApiSession, company: ApiSession, title: string, trackTitle: string, performer: string): Promise<{ isrc: string; isrcDisplay: string }> {
  const credits = [{ role: 'performer', names: [performer] }];
  const album = await company.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  await company.call('PATCH', `/albums/${album.id}`, { title, credits, publisher: '測試唱片', releaseDate: '2025.05.01', productionCompany: '測試製作', albumType: 'single' });
  const track = await company.call<{ recording: { isrc: string; isrcDisplay: string } }>('POST', `/albums/${album.id}/tracks`, {
    isrc: { mode: 'next' },
    recording: { title: trackTitle, credits, productionCompany: '測試製作', duration: '0:03:45' },
  });
  await company.call('POST', `/albums/${album.id}/submit`);
  await admin.call('POST', `/albums/${album.id}/approve`);
  return track.recording;
}
