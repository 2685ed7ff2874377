import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe(loadConfig.name, () => {
  it('has working defaults for a fresh clone', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', databaseUrl: undefined, countryCode: 'TW', timeZone: 'Asia/Taipei', demo: false, adminPassword: undefined });
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.filesDir).toBe(path.resolve('data', 'files'));
    expect(loadConfig({ DATA_DIR: '/srv/isrc' }).filesDir).toBe('/srv/isrc/files');
    expect(loadConfig({ DATA_DIR: '/srv/isrc', FILES_DIR: '/mnt/files' }).filesDir).toBe('/mnt/files');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable and --demo', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        DATA_DIR: '/srv/isrc',
        DATABASE_URL: 'postgres://u@h/db',
        ISRC_ADMIN_PASSWORD: 'long enough passphrase',
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
      adminPassword: 'long enough passphrase',
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
    expect(() => loadConfig({ ISRC_AGENCY_EMAIL: 'not an address' })).toThrow(/ISRC_AGENCY_EMAIL/);
    expect(() => loadConfig({ ISRC_AGENCY_NAME: 'two\nlines' })).toThrow(/ISRC_AGENCY_NAME/);
    expect(() => loadConfig({ LOG_FORMAT: 'pretty' })).toThrow(/LOG_FORMAT/);
  });

  it("has the reference agency's contact details by default, and reads ISRC_AGENCY_*", () => {
    expect(loadConfig({}).agency).toEqual({ name: '國家圖書館 ISRC 管理中心', address: '100006 臺北市中正區貴陽街一段 2 號', phone: '(02)2361-9132 轉 703', email: 'isrc@ncl.edu.tw' });
    const agency = { ISRC_AGENCY_NAME: ' Hong Kong ISRC Agency ', ISRC_AGENCY_ADDRESS: '1 Example Road', ISRC_AGENCY_PHONE: '+852 0000 0000', ISRC_AGENCY_EMAIL: 'isrc@example.hk' };
    expect(loadConfig(agency).agency).toEqual({ name: 'Hong Kong ISRC Agency', address: '1 Example Road', phone: '+852 0000 0000', email: 'isrc@example.hk' });
    expect(loadConfig({ ISRC_AGENCY_PHONE: '' }).agency.phone).toBe('(02)2361-9132 轉 703');
  });

  it('reads the agency DDEX Party Identifier (ISRC_AGENCY_DPID) and refuses anything else', () => {
    expect(loadConfig({}).agency.dpid).toBeUndefined();
    expect(loadConfig({ ISRC_AGENCY_DPID: 'PADPIDA2026112801X' }).agency.dpid).toBe('PADPIDA2026112801X');
    expect(() => loadConfig({ ISRC_AGENCY_DPID: 'DPID-123' })).toThrow(/ISRC_AGENCY_DPID/);
  });

  it('logs text in development and JSON in production, unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({})).toMatchObject({ production: false, logFormat: 'text' });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, logFormat: 'json' });
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'text' }).logFormat).toBe('text');
  });

  it('reads the mail settings: e-mail only with SMTP_URL, never repeating a bad URL (it may hold a password)', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined, publicUrl: undefined, smtpFrom: '"國家圖書館 ISRC 管理中心" <isrc@ncl.edu.tw>' });
    const config = loadConfig({ SMTP_URL: 'smtp://mailer:secret@mail.example.org:587', SMTP_FROM: 'ISRC <isrc@example.org>', PUBLIC_URL: 'https://isrc.example.org/' });
    expect(config).toMatchObject({ smtpUrl: 'smtp://mailer:secret@mail.example.org:587', smtpFrom: 'ISRC <isrc@example.org>', publicUrl: 'https://isrc.example.org' });
    expect(() => loadConfig({ SMTP_URL: 'http://mailer:secret@x' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'http://mailer:secret@x' })).not.toThrow(/secret/);
    expect(() => loadConfig({ PUBLIC_URL: 'isrc.example.org' })).toThrow(/PUBLIC_URL/);
  });
});
