import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRiffInfo, ftypOnlyMp4, id3v2Tag, wavWithoutFmt } from '../../test/media/tag-bytes.js';
import { headKind, isText, readHead, wavHasFmtChunk } from './media-sniff.js';

const bytes = (...values: number[]): Buffer => Buffer.from(values);
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

/** A minimal PCM WAV: RIFF, fmt (16 bytes), data. */
function pcmWav(): Buffer {
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(16000, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const data = Buffer.alloc(160);
  const body = Buffer.concat([latin1('WAVEfmt '), bytes(16, 0, 0, 0), fmt, latin1('data'), bytes(160, 0, 0, 0), data]);
  const riff = Buffer.concat([latin1('RIFF'), Buffer.alloc(4), body]);
  riff.writeUInt32LE(riff.length - 8, 4);
  return riff;
}

describe(headKind.name, () => {
  it.each([
    ['#EXTM3U\n#EXTINF:3,\na.mp3\n', 'playlist'],
    ['\ufeff#EXTM3U\n', 'playlist'],
    ['  \r\n#EXTM3U\n', 'playlist'],
    ['#!/bin/sh\necho\n', 'executable'],
    ['Track list\n1. Tone\n', 'text'],
    ['<html><body>404</body></html>', 'text'],
    ['曲目：一、二\n', 'text'],
  ])('%j → %s', (text, kind) => {
    expect(headKind(Buffer.from(text, 'utf8'))).toBe(kind);
  });

  it.each([
    [bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), 'executable'],
    [Buffer.concat([latin1('MZ'), bytes(0x90, 0, 3, 0)]), 'executable'],
    [bytes(0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1), 'executable'],
    [bytes(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0), 'executable'],
    [ftypOnlyMp4(), 'mp4'],
    [pcmWav(), 'riff-wave'],
    [id3v2Tag(3, [{ id: 'TSRC', text: 'TWA122600001' }]), 'other'],
    [bytes(0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0), 'other'],
    // 64-bit and big-endian WAVE headers; a phone's AMR recording is no script.
    [Buffer.concat([latin1('BW64'), bytes(0xff, 0xff, 0xff, 0xff), latin1('WAVEds64')]), 'riff-wave'],
    [Buffer.concat([latin1('RIFX'), bytes(0, 0, 1, 0), latin1('WAVEfmt ')]), 'riff-wave'],
    [Buffer.concat([latin1('#!AMR\n'), bytes(0x3c, 0x91, 0x17, 0x16, 0xbe, 0x66)]), 'other'],
    [Buffer.concat([latin1('#!AMR-WB\n'), bytes(0x44, 0x91, 0x17, 0x16, 0xbe, 0x66)]), 'other'],
  ])('bytes %# → %s', (head, kind) => {
    expect(headKind(head)).toBe(kind);
  });
});

describe(isText.name, () => {
  it('accepts UTF-8 cut inside a character, refuses control bytes and invalid UTF-8', () => {
    const chinese = Buffer.from('錄音檔', 'utf8');
    expect(isText(chinese.subarray(0, chinese.length - 1))).toBe(true);
    expect(isText(Buffer.from('abc\u0000def'))).toBe(false);
    expect(isText(bytes(0xff, 0xfb, 0x90))).toBe(false);
    expect(isText(Buffer.alloc(0))).toBe(false);
  });
});

describe(wavHasFmtChunk.name, () => {
  it('finds fmt in a WAV, also behind other chunks, and not in a WAV without one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sniff-'));
    try {
      const cases: [string, Buffer, boolean][] = [
        ['plain', pcmWav(), true],
        ['info', addRiffInfo(pcmWav(), { ISRC: 'x' }), true],
        ['no-fmt', wavWithoutFmt(0.01), false],
        ['header-only', latin1('RIFF\u0004\u0000\u0000\u0000WAVE'), false],
      ];
      for (const [name, content, want] of cases) {
        const path = join(dir, name);
        await writeFile(path, content);
        expect(await wavHasFmtChunk(path), name).toBe(want);
        expect((await readHead(path)).size).toBe(content.length);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
