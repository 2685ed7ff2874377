import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';
import { describeStorage } from './storage-env.js';

const S3 = { STORAGE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000/', S3_BUCKET: 'isrc-files', S3_ACCESS_KEY: 'agency:files', S3_SECRET_KEY: 'very-secret-7x' };

describe('storage settings', () => {
  it('default to the filesystem; STORAGE=fs says so explicitly', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'fs' });
    expect(loadConfig({ STORAGE: 'FS', S3_BUCKET: 'ignored' }).storage).toEqual({ kind: 'fs' });
  });

  it('read the S3 variables, with us-east-1 and path-style addresses by default', () => {
    expect(loadConfig(S3).storage).toEqual({
      kind: 's3',
      s3: { endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', bucket: 'isrc-files', accessKeyId: 'agency:files', secretAccessKey: 'very-secret-7x', forcePathStyle: true },
    });
    const custom = loadConfig({ ...S3, STORAGE: 'S3', S3_REGION: 'ap-northeast-1', S3_FORCE_PATH_STYLE: 'false' }).storage;
    expect(custom).toMatchObject({ s3: { region: 'ap-northeast-1', forcePathStyle: false } });
    expect(Object.isFrozen(custom)).toBe(true);
  });

  it.each(['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'])('refuse to start without %s, naming it', (name) => {
    for (const value of [undefined, '', '  ']) {
      expect(() => loadConfig({ ...S3, [name]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ ...S3, [name]: value })).toThrow(`STORAGE=s3 needs ${name}`);
    }
  });

  it.each([
    [{ STORAGE: 'ftp' }, 'STORAGE must be fs or s3'],
    [{ S3_ENDPOINT: 's3.example.org' }, 'S3_ENDPOINT must be an http:// or https:// address'],
    [{ S3_ENDPOINT: 'https://key:very-secret-7x@s3.example.org' }, 'without credentials'],
    [{ S3_BUCKET: 'My_Bucket' }, 'S3_BUCKET must be'],
    [{ S3_REGION: 'Taipei 1' }, 'S3_REGION must look like'],
    [{ S3_FORCE_PATH_STYLE: 'maybe' }, 'S3_FORCE_PATH_STYLE must be true or false'],
  ])('refuse %j with a clear message that never shows the secret key', (change, message) => {
    let error: unknown;
    try {
      loadConfig({ ...S3, ...change });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toContain(message);
    expect(String(error)).not.toContain('very-secret-7x');
  });

  it('are described for logs without the keys', () => {
    const config = loadConfig(S3);
    const line = describeStorage(config.storage, config.filesDir);
    expect(line).toBe('S3 bucket isrc-files at http://127.0.0.1:9000');
    expect(describeStorage(loadConfig({ DATA_DIR: '/srv/isrc' }).storage, '/srv/isrc/files')).toBe('filesystem /srv/isrc/files');
  });
});
