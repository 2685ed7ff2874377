/**
 * What the console shows once the server listens: one human line per start-up fact, printed before
 * any request log (requests log at `debug` outside production, so these stay in view).
 */

export interface DemoLogin {
  readonly loginName: string;
  readonly password: string;
  /** What the login is, in a word or two (company, individual, agency officer). */
  readonly what: string;
}

export interface StartupFacts {
  /** Where to open the app, e.g. http://localhost:3000. */
  readonly url: string;
  /** The address listened on; 0.0.0.0 and :: mean every network interface. */
  readonly host: string;
  readonly port: number;
  /** The embedded database's directory, or the PostgreSQL URL (printed without its password). */
  readonly database: { readonly kind: 'pglite'; readonly dir: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly dataDir: string;
  readonly admin: { readonly loginName: string; readonly created: boolean; readonly generatedPassword?: string | undefined };
  /** Present in demo mode. */
  readonly demo?: { readonly seededNow: boolean; readonly logins: readonly DemoLogin[] } | undefined;
  readonly log: { readonly level: string; readonly format: 'json' | 'text'; readonly requestLevel: 'info' | 'debug' };
}

/** postgres://user@host:5432/db: the server and database, never the password. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username === '' ? '' : `${decodeURIComponent(u.username)}@`}${u.host}${u.pathname}`;
  } catch {
    return 'postgres://…';
  }
}

/** The URL to open in a browser for a listening address (a wildcard address: localhost). */
export function browserUrl(host: string, port: number): string {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const name = wildcard ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export function startupLines(facts: StartupFacts): string[] {
  const everywhere = facts.host === '0.0.0.0' || facts.host === '::' || facts.host === '';
  const lines = [`ISRC registry listening on ${facts.url}${everywhere ? ` (all network interfaces, port ${facts.port})` : ''}`];
  lines.push(
    facts.database.kind === 'pglite'
      ? `Database: embedded PostgreSQL (PGlite) in ${facts.database.dir}; one server process at a time (DATABASE_URL selects a PostgreSQL server)`
      : `Database: PostgreSQL ${describePostgresUrl(facts.database.url)}`,
  );
  lines.push(`Data directory: ${facts.dataDir}`);
  const { admin } = facts;
  if (admin.generatedPassword !== undefined) {
    lines.push(`Administrator "${admin.loginName}" created with password ${admin.generatedPassword} (shown only this once; it must be changed at the first login)`);
  } else if (admin.created) {
    lines.push(`Administrator "${admin.loginName}" created with the password from ISRC_ADMIN_PASSWORD`);
  } else {
    lines.push(`Administrator: accounts already exist (a lost password: npm run admin -- reset-password <login>)`);
  }
  if (facts.demo !== undefined) {
    const logins = facts.demo.logins.map((l) => `${l.loginName} / ${l.password} (${l.what})`).join(', ');
    lines.push(`Demo mode, data marked 【示範】${facts.demo.seededNow ? ' (seeded now)' : ''}: logins ${logins}`);
  }
  const { level, format, requestLevel } = facts.log;
  const requestsHidden = LEVELS.indexOf(requestLevel) < LEVELS.indexOf(level);
  lines.push(
    `Logs: ${format === 'json' ? 'JSON lines' : 'text'} at level ${level}; requests at ${requestLevel}` +
      (requestsHidden ? (requestLevel === 'debug' ? ' (not shown; LOG_LEVEL=debug shows them, NODE_ENV=production logs them at info)' : ' (not shown)') : ''),
  );
  return lines;
}
