/**
 * Byte layouts of the second round of producers' files (make-producer-media-2.ts) that sox, lame and
 * ffmpeg do not write: RF64/BW64 headers around given chunks, ID3v2.4 with a footer or
 * unsynchronisation, ID3v2.2, tags at the end of an MP3 (APEv2 with cover art, Lyrics3, an appended
 * ID3v2.4), a Fraunhofer VBRI header, a phone's AMR, and edits of an mp4's boxes (no ftyp, a
 * shortened edit list). Written from the specifications.
 */
import { chunk } from './riff-bytes.js';

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');

function u32le(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}

function u32be(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
}

/** ID3v2 "synchsafe" integer: 4 bytes of 7 bits each. */
function synchsafe(value: number): Buffer {
  return Buffer.from([(value >> 21) & 0x7f, (value >> 14) & 0x7f, (value >> 7) & 0x7f, value & 0x7f]);
}

/**
 * An RF64 or BW64 WAVE: ds64 first (RIFF and data sizes, 64-bit), the RIFF size and the data
 * chunk's size 0xFFFFFFFF. `ds64DataSize` is what the ds64 says (0 for a recorder that never
 * rewrote it); `after` are chunks following the samples.
 */
export function wave64(id: 'RF64' | 'BW64', fmt: Buffer, data: Buffer, options: { before?: Buffer[]; after?: Buffer[]; ds64DataSize?: number } = {}): Buffer {
  const before = Buffer.concat(options.before ?? []);
  const after = Buffer.concat(options.after ?? []);
  const ds64 = Buffer.alloc(28);
  const dataChunk = Buffer.concat([ascii('data'), u32le(0xffffffff), data, data.length % 2 === 1 ? Buffer.from([0]) : Buffer.alloc(0)]);
  const riffSize = 4 + 36 + before.length + 8 + fmt.length + dataChunk.length + after.length;
  ds64.writeBigUInt64LE(BigInt(riffSize), 0);
  ds64.writeBigUInt64LE(BigInt(options.ds64DataSize ?? data.length), 8);
  return Buffer.concat([ascii(id), u32le(0xffffffff), ascii('WAVE'), chunk('ds64', ds64), before, chunk('fmt ', fmt), dataChunk, after]);
}

/** ID3v2 unsynchronisation: a 0x00 after every 0xFF that a frame sync or 0x00 could follow. */
export function unsynchronise(bytes: Buffer): Buffer {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    out.push(byte);
    const next = bytes[i + 1];
    if (byte === 0xff && (next === undefined || next >= 0xe0 || next === 0)) {
      out.push(0);
    }
  }
  return Buffer.from(out);
}

export interface TagFrame {
  id: string;
  content: Buffer;
}

/** A text frame's content: encoding byte (3: UTF-8 in v2.4, 0: ISO-8859-1) and the text. */
export const textContent = (text: string, utf8 = true): Buffer => Buffer.concat([Buffer.from([utf8 ? 3 : 0]), Buffer.from(text, utf8 ? 'utf8' : 'latin1')]);

/** An APIC frame's content: a front cover picture. */
export const pictureContent = (picture: Buffer, mime = 'image/jpeg'): Buffer => Buffer.concat([Buffer.from([0]), ascii(mime), Buffer.from([0, 3, 0]), picture]);

/**
 * An ID3v2.4 tag. `footer`: the footer flag and the `3DI` footer (required for a tag appended at
 * the end); `unsync`: every frame unsynchronised (frame flag and tag flag), as iTunes once wrote.
 */
export function id3v24(frames: TagFrame[], options: { footer?: boolean; unsync?: boolean } = {}): Buffer {
  const body = Buffer.concat(
    frames.map(({ id, content }) => {
      const data = options.unsync === true ? unsynchronise(content) : content;
      return Buffer.concat([ascii(id), synchsafe(data.length), Buffer.from([0, options.unsync === true ? 0x02 : 0]), data]);
    }),
  );
  const flags = (options.footer === true ? 0x10 : 0) | (options.unsync === true ? 0x80 : 0);
  const header = Buffer.concat([ascii('ID3'), Buffer.from([4, 0, flags]), synchsafe(body.length)]);
  const footer = options.footer === true ? Buffer.concat([ascii('3DI'), Buffer.from([4, 0, flags]), synchsafe(body.length)]) : Buffer.alloc(0);
  return Buffer.concat([header, body, footer]);
}

/** An ID3v2.3 tag, the whole tag unsynchronised when asked (v2.3 has no per-frame flag for it). */
export function id3v23(frames: TagFrame[], options: { unsync?: boolean } = {}): Buffer {
  const plain = Buffer.concat(frames.map(({ id, content }) => Buffer.concat([ascii(id), u32be(content.length), Buffer.from([0, 0]), content])));
  const body = options.unsync === true ? unsynchronise(plain) : plain;
  return Buffer.concat([ascii('ID3'), Buffer.from([3, 0, options.unsync === true ? 0x80 : 0]), synchsafe(body.length), body]);
}

/** An ID3v2.2 tag (three-letter frame ids, 24-bit sizes), as old iTunes wrote. */
export function id3v22(frames: TagFrame[]): Buffer {
  const body = Buffer.concat(frames.map(({ id, content }) => Buffer.concat([ascii(id), u32be(content.length).subarray(1), content])));
  return Buffer.concat([ascii('ID3'), Buffer.from([2, 0, 0]), synchsafe(body.length), body]);
}

/** An ID3v1 tag (128 bytes at the very end). */
export function id3v1(title: string): Buffer {
  const tag = Buffer.alloc(128);
  tag.write('TAG', 0, 'latin1');
  tag.write(title, 3, 30, 'latin1');
  tag.write('Producer', 33, 30, 'latin1');
  tag[127] = 12;
  return tag;
}

/** An APEv2 tag with header and footer; binary items (cover art) are flagged so. */
export function apeV2(items: { key: string; value: Buffer; binary?: boolean }[]): Buffer {
  const body = Buffer.concat(items.map(({ key, value, binary }) => Buffer.concat([u32le(value.length), u32le(binary === true ? 2 : 0), ascii(key), Buffer.from([0]), value])));
  const block = (flags: number): Buffer => Buffer.concat([ascii('APETAGEX'), u32le(2000), u32le(body.length + 32), u32le(items.length), u32le(flags), Buffer.alloc(8)]);
  return Buffer.concat([block(0xa0000000), body, block(0x80000000)]);
}

/** Lyrics3 v2 (between the audio and an ID3v1 tag): fields, then their size in 6 digits and LYRICS200. */
export function lyrics3v2(lyrics: string): Buffer {
  const field = (id: string, value: string): string => `${id}${String(value.length).padStart(5, '0')}${value}`;
  const body = `LYRICSBEGIN${field('IND', '01')}${field('LYR', lyrics)}${field('ETT', 'Tone')}`;
  return ascii(`${body}${String(body.length).padStart(6, '0')}LYRICS200`);
}

/** Lyrics3 v1: LYRICSBEGIN, the text, LYRICSEND. */
export const lyrics3v1 = (lyrics: string): Buffer => ascii(`LYRICSBEGIN${lyrics}LYRICSEND`);

/** Replaces a lame Xing/Info first frame (MPEG 1 stereo) by a Fraunhofer VBRI header claiming `frames`. */
export function withVbri(mp3: Buffer, frames: number): Buffer {
  const out = Buffer.from(mp3);
  const xing = out.indexOf('Xing', 0, 'latin1');
  if (xing !== 36) {
    throw new Error(`withVbri needs an MPEG 1 stereo Xing frame (Xing at ${xing})`);
  }
  const nextFrame = out.indexOf(Buffer.from([0xff, 0xfb]), 4);
  out.fill(0, 36, nextFrame);
  const vbri = Buffer.concat([ascii('VBRI'), Buffer.from([0, 1, 0x04, 0x51, 0, 75]), u32be(mp3.length - nextFrame), u32be(frames), Buffer.from([0, 0, 0, 1, 0, 2, 0, 1])]);
  vbri.copy(out, 36);
  return out;
}

/** `count` AMR frames of `size` bytes: the mode byte, then speech bits (any bytes, binary as real ones are). */
function amrFrames(mode: number, size: number, count: number): Buffer {
  const frames = Buffer.alloc(size * count);
  for (let i = 0; i < frames.length; i += 1) {
    frames[i] = i % size === 0 ? mode : (i * 73 + 11) % 256;
  }
  return frames;
}

/** A phone's AMR-NB recording (`#!AMR`): 12.2 kbit/s frames of 32 bytes, 50 a second. */
export const amrNb = (seconds: number): Buffer => Buffer.concat([ascii('#!AMR\n'), amrFrames(0x3c, 32, seconds * 50)]);

/** AMR-WB (`#!AMR-WB`): 23.85 kbit/s frames of 61 bytes. */
export const amrWb = (seconds: number): Buffer => Buffer.concat([ascii('#!AMR-WB\n'), amrFrames(0x44, 61, seconds * 50)]);

/** A classic QuickTime movie: its ftyp box turned into `free` (or `wide`), so no offset moves. */
export function withoutFtyp(mp4: Buffer, as: 'free' | 'wide'): Buffer {
  if (mp4.toString('latin1', 4, 8) !== 'ftyp') {
    throw new Error('withoutFtyp needs an ftyp box first');
  }
  const out = Buffer.from(mp4);
  out.write(as, 4, 'latin1');
  return out;
}

/**
 * Shortens every edit list of an mp4 (one edit each, as ffmpeg writes) to play `seconds`, as an
 * editor's trim does without re-encoding; mvhd's timescale gives the edit's units.
 */
export function trimEditLists(mp4: Buffer, seconds: number): Buffer {
  const out = Buffer.from(mp4);
  const mvhd = out.indexOf('mvhd', 0, 'latin1');
  // mvhd version 0: size, type, version/flags, creation, modification, then the timescale.
  const timescale = out.readUInt32BE(mvhd + 16);
  let edits = 0;
  for (let at = out.indexOf('elst', 0, 'latin1'); at >= 0; at = out.indexOf('elst', at + 4, 'latin1')) {
    if (out[at + 4] !== 0 || out.readUInt32BE(at + 8) !== 1) {
      throw new Error('trimEditLists handles version 0 lists of one edit');
    }
    out.writeUInt32BE(Math.round(seconds * timescale), at + 12);
    edits += 1;
  }
  if (edits === 0) {
    throw new Error('trimEditLists: no edit list');
  }
  return out;
}
