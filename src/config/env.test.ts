import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe(loadConfig.name, () => {
  it('has working defaults for a fresh clone', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', databaseUrl: undefined, countryCode: 'TW', timeZone: 'Asia/Taipei', demo: false, adminPassword: undefined });
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable and --demo', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        DATA_DIR: '/srv/isrc',
        DATABASE_URL: 'postgres://u@h/db',
        ISRC_ADMIN_PASSWORD: 'long enough pw',
        ISRC_COUNTRY_CODE: 'hk',
        ISRC_TIME_ZONE: 'Asia/Hong_Kong',
      },
      ['--demo'],
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/isrc',
      databaseUrl: 'postgres://u@h/db',
      adminPassword: 'long enough pw',
      countryCode: 'HK',
      timeZone: 'Asia/Hong_Kong',
      demo: true,
    });
    expect(loadConfig({ DEMO: '1' }).demo).toBe(true);
  });

  it('refuses invalid values with the variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ISRC_COUNTRY_CODE: 'TWN' })).toThrow(/ISRC_COUNTRY_CODE/);
    expect(() => loadConfig({ ISRC_ADMIN_PASSWORD: 'short' })).toThrow(/ISRC_ADMIN_PASSWORD/);
    expect(() => loadConfig({ ISRC_TIME_ZONE: 'Taipei' })).toThrow(/ISRC_TIME_ZONE/);
  });
});
