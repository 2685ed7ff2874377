import net from 'node:net';

/** Operations settings: who may read /metrics, and how long a shutdown waits for requests in flight. */
export interface OperationsConfig {
  /** METRICS_ALLOW: addresses and CIDR ranges that may read /metrics without a token. */
  readonly metricsAllow: readonly string[];
  /** METRICS_TOKEN: `Authorization: Bearer <token>` reads /metrics from anywhere. Never logged. */
  readonly metricsToken: string | undefined;
  /** SHUTDOWN_TIMEOUT_SECONDS: how long SIGTERM waits for requests in flight before closing anyway. */
  readonly shutdownTimeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** One entry of METRICS_ALLOW: an IPv4 or IPv6 address, optionally with a /prefix. */
export function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) {
    return false;
  }
  if (prefix === undefined) {
    return true;
  }
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** Every problem found, one message each (the caller reports them all at once). */
export function operationsFrom(env: Env, problems: string[]): OperationsConfig {
  const allow = (env.METRICS_ALLOW ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = allow.filter((entry) => !isAddressOrRange(entry));
  if (bad.length > 0) {
    problems.push(`METRICS_ALLOW must list IP addresses or CIDR ranges separated by commas (such as 127.0.0.1,10.0.0.0/8), got "${bad.join(', ')}"`);
  }
  const token = env.METRICS_TOKEN === undefined || env.METRICS_TOKEN === '' ? undefined : env.METRICS_TOKEN;
  if (token !== undefined && !/^[\x21-\x7e]{16,200}$/.test(token)) {
    // The value is not repeated: it is a secret.
    problems.push('METRICS_TOKEN must be 16 to 200 printable characters without spaces');
  }
  const rawTimeout = env.SHUTDOWN_TIMEOUT_SECONDS ?? '';
  const seconds = rawTimeout.trim() === '' ? 10 : Number(rawTimeout);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) {
    problems.push(`SHUTDOWN_TIMEOUT_SECONDS must be an integer from 1 to 600, got "${rawTimeout}"`);
  }
  return Object.freeze({
    metricsAllow: Object.freeze(bad.length > 0 ? [] : allow),
    metricsToken: token,
    shutdownTimeoutMs: (Number.isInteger(seconds) && seconds >= 1 && seconds <= 600 ? seconds : 10) * 1000,
  });
}
