import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import type { AudioDepositResponse } from '../../src/deposit/audio-deposit.schemas.js';
import { DEFAULT_AGENCY_CONTACT } from '../../src/shared/agency-contact.js';
import { failed, memberSession, ok, type Client, type MemberSession } from '../helpers/catalog.js';
import { approvedDigitalAlbum, attachAllAudio, attachAudio, someAudioBytes, storedFilePath, useStorageTestApp } from './audio-deposit-fixtures.js';
import { staffClient } from './deposit-fixtures.js';
import { createFsStorage } from '../../src/storage/fs-storage.js';
import type { FileStorage } from '../../src/storage/storage.js';

// The BagIt bag (RFC 8493) of an audio deposit, as the agency downloads it: unzipped here with
// Debian's unzip and checked by hand (python's `bagit` module is not installed on this machine):
// every payload and tag checksum, Payload-Oxum, and the bag-info fields.

const run = promisify(execFile);

/** Holds reads of one key until released: shows the zip is sent while a payload file is still unread. */
const hold: { key: string | undefined; release: () => void; waiting: Promise<void> } = { key: undefined, release: () => undefined, waiting: Promise.resolve() };

function holding(storage: FileStorage): FileStorage {
  return { ...storage, get: async (key, range) => (key === hold.key && (await hold.waiting), storage.get(key, range)) };
}

const env = useStorageTestApp({ makeStorage: (dir) => Promise.resolve(holding(createFsStorage(dir))) });
let officer: Client;
let company: MemberSession;
let album: AlbumResponse;
let deposit: AudioDepositResponse;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-bag-'));

beforeAll(async () => {
  officer = await staffClient(env, 'agency_officer');
  company = await memberSession(env, 'company');
  album = await approvedDigitalAlbum(company, officer, '封包專輯\n第二行', 3);
  // Sizes that do not compress away, one larger than a stream chunk.
  await attachAudio(env.ctx, album.id, album.tracks[0]!.id, someAudioBytes(300_000), 'wav');
  await attachAudio(env.ctx, album.id, album.tracks[1]!.id, someAudioBytes(1234), 'mp3');
  await attachAudio(env.ctx, album.id, album.tracks[2]!.id, someAudioBytes(77), 'mp4');
  deposit = ok(await company.api.call('POST', `/albums/${album.id}/audio-deposit`), 201).json<AudioDepositResponse>();
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** `checksum  path` lines → path → checksum. */
function manifest(text: string): Map<string, string> {
  return new Map(
    text
      .trimEnd()
      .split('\n')
      .map((line) => {
        const m = /^([0-9a-f]{64}) +(\S.*)$/.exec(line);
        expect(m, line).not.toBeNull();
        return [m![2]!, m![1]!] as const;
      }),
  );
}

describe('the BagIt download', () => {
  it('is a zip of a valid bag: checksums, Payload-Oxum and bag-info all agree', async () => {
    const res = ok(await officer.call('GET', `/deposits/audio/${deposit.id}/bag.zip`));
    expect(res.headers['content-type']).toBe('application/zip');
    const bagName = `album-${album.albumNumber}`;
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${bagName}-bag.zip"`);
    const zipFile = path.join(work, 'bag.zip');
    fs.writeFileSync(zipFile, res.rawPayload);
    const listing = (await run('unzip', ['-v', zipFile])).stdout;
    // Audio is stored as is; the small tag files are deflated.
    expect(listing).toMatch(new RegExp(`Stored .*${bagName}/data/${album.tracks[0]!.recording.isrc}\\.wav`));
    await run('unzip', ['-o', '-q', zipFile, '-d', work]);
    const bag = path.join(work, bagName);
    const read = (p: string) => fs.readFileSync(path.join(bag, p));

    expect(read('bagit.txt').toString('utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const payload = manifest(read('manifest-sha256.txt').toString('utf8'));
    const expected = deposit.files.map((f) => `data/${f.isrc}.${f.container}`);
    expect([...payload.keys()].sort()).toEqual([...expected].sort());
    expect(fs.readdirSync(path.join(bag, 'data')).sort()).toEqual(expected.map((p) => p.slice('data/'.length)).sort());
    for (const [file, checksum] of payload) {
      expect(sha256(read(file)), file).toBe(checksum);
    }
    expect(deposit.files.map((f) => payload.get(`data/${f.isrc}.${f.container}`))).toEqual(deposit.files.map((f) => f.sha256));

    const tags = manifest(read('tagmanifest-sha256.txt').toString('utf8'));
    expect([...tags.keys()].sort()).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']);
    for (const [file, checksum] of tags) {
      expect(sha256(read(file)), file).toBe(checksum);
    }

    const info = read('bag-info.txt').toString('utf8');
    const fields = info
      .trimEnd()
      .split('\n')
      .map((line) => line.split(/: (.*)/s).slice(0, 2) as [string, string]);
    const values = (label: string) => fields.filter(([l]) => l === label).map(([, v]) => v);
    const bytes = expected.reduce((n, p) => n + read(p).length, 0);
    expect(bytes).toBe(300_000 + 1234 + 77);
    expect(values('Payload-Oxum')).toEqual([`${bytes}.3`]);
    expect(values('Bag-Size')).toEqual(['294 KB']);
    expect(values('Source-Organization')).toEqual([DEFAULT_AGENCY_CONTACT.name]);
    expect(values('External-Identifier')).toEqual([String(album.albumNumber)]);
    expect(values('External-Description')).toEqual(['封包專輯 第二行']);
    expect(values('Bagging-Date')).toEqual(['2026-06-15']);
    expect(values('ISRC')).toEqual(album.tracks.map((t) => t.recording.isrcDisplay));
    expect(values('Registrant-Code')).toEqual([`TW-${company.member.codes[0]}`]);
    expect(values('Registrant-Name')).toHaveLength(1);
    expect(values('Internal-Sender-Identifier')).toEqual([deposit.id]);
  });

  it('streams: the first files are on the wire while a later one is still unread', async () => {
    const big = await approvedDigitalAlbum(company, officer, '串流', 2);
    await attachAudio(env.ctx, big.id, big.tracks[0]!.id, someAudioBytes(2_000_000));
    const second = await attachAudio(env.ctx, big.id, big.tracks[1]!.id, someAudioBytes(1000));
    const made = ok(await company.api.call('POST', `/albums/${big.id}/audio-deposit`), 201).json<AudioDepositResponse>();
    hold.key = second.storageKey;
    hold.waiting = new Promise((resolve) => (hold.release = resolve));
    const address = await env.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${address}/api/v1/deposits/audio/${made.id}/bag.zip`, { headers: { cookie: officer.cookie } });
      expect(res.status).toBe(200);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let received = 0;
      while (received < 2_000_000) {
        const { value, done } = await reader.read();
        expect(done).toBe(false);
        received += value?.length ?? 0;
      }
      hold.release();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        received += r.value.length;
      }
      expect(received).toBeGreaterThan(2_001_000);
    } finally {
      hold.release();
      hold.key = undefined;
    }
  });

  it('is the agency’s: a member gets 403, an unknown deposit 404', async () => {
    failed(await company.api.call('GET', `/deposits/audio/${deposit.id}/bag.zip`), 403, 'FORBIDDEN');
    failed(await officer.call('GET', '/deposits/audio/00000000-0000-4000-8000-000000000000/bag.zip'), 404, 'NOT_FOUND');
  });

  it('is refused, naming the recording, when a deposited file is gone from storage', async () => {
    const lost = await approvedDigitalAlbum(company, officer, '遺失', 2);
    const objects = await attachAllAudio(env.ctx, lost);
    const made = ok(await company.api.call('POST', `/albums/${lost.id}/audio-deposit`), 201).json<AudioDepositResponse>();
    fs.rmSync(storedFilePath(env, objects[1]!.storageKey));
    const error = failed(await officer.call('GET', `/deposits/audio/${made.id}/bag.zip`), 409, 'AUDIO_DEPOSIT_OBJECT_MISSING');
    expect(error.message).toContain(lost.tracks[1]!.recording.isrcDisplay);
  });
});
