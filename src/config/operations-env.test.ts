import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';
import { isAddressOrRange } from './operations-env.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      return err.problems;
    }
    throw err;
  }
  return [];
}

describe('configuration problems', () => {
  it('reports every wrong setting at once, one message each, naming the variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      ISRC_COUNTRY_CODE: 'TWN',
      LOG_LEVEL: 'loud',
      LOG_FORMAT: 'pretty',
      STORAGE: 's3',
      METRICS_ALLOW: '127.0.0.1,10.0.0.0/33,example.org',
      METRICS_TOKEN: 'short',
      SHUTDOWN_TIMEOUT_SECONDS: '0',
    });
    const named = [
      'PORT',
      'DATABASE_URL',
      'ISRC_COUNTRY_CODE',
      'LOG_LEVEL',
      'LOG_FORMAT',
      'S3_ENDPOINT',
      'S3_BUCKET',
      'S3_ACCESS_KEY',
      'S3_SECRET_KEY',
      'METRICS_ALLOW',
      'METRICS_TOKEN',
      'SHUTDOWN_TIMEOUT_SECONDS',
    ];
    expect(problems).toHaveLength(named.length);
    for (const name of named) {
      expect(
        problems.filter((p) => p.includes(name)),
        name,
      ).toHaveLength(1);
    }
    expect(problems.find((p) => p.startsWith('METRICS_ALLOW'))).toContain('10.0.0.0/33, example.org');
    expect(problems.join('\n')).not.toContain('short');
  });

  it('reads the operations settings, with a 10 s shutdown bound and no /metrics access by default', () => {
    expect(loadConfig({}).operations).toEqual({ metricsAllow: [], metricsToken: undefined, shutdownTimeoutMs: 10_000 });
    const config = loadConfig({ METRICS_ALLOW: ' 127.0.0.1, 10.0.0.0/8 ,::1', METRICS_TOKEN: 'a-long-enough-token', SHUTDOWN_TIMEOUT_SECONDS: '30' });
    expect(config.operations).toEqual({ metricsAllow: ['127.0.0.1', '10.0.0.0/8', '::1'], metricsToken: 'a-long-enough-token', shutdownTimeoutMs: 30_000 });
  });

  it('knows an address or range when it sees one', () => {
    expect(['10.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', '0.0.0.0/0'].every(isAddressOrRange)).toBe(true);
    expect(['10.0.0', '10.0.0.0/', '10.0.0.0/8/1', 'fd00::/129', 'localhost', '10.0.0.0/-1'].some(isAddressOrRange)).toBe(false);
  });
});
