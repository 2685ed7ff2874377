import { open } from 'node:fs/promises';

/**
 * Looks at a file's first bytes before and after ffprobe: what is plainly not audio (an empty file,
 * a playlist, an executable, text) is refused without running it, and when ffprobe fails the head
 * tells an ftyp-only mp4 or a WAV without fmt from a file that is simply not audio.
 */

export const HEAD_BYTES = 4096;

export interface FileHead {
  size: number;
  head: Buffer;
}

export async function readHead(filePath: string): Promise<FileHead> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return { size, head: head.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

export type HeadKind = 'playlist' | 'executable' | 'text' | 'mp4' | 'riff-wave' | 'other';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Magic numbers of programs: ELF, PE/DOS, Mach-O (both endians, fat), WebAssembly. */
const EXECUTABLE_MAGICS = [
  Buffer.from([0x7f, 0x45, 0x4c, 0x46]),
  Buffer.from('MZ', 'latin1'),
  Buffer.from([0xfe, 0xed, 0xfa, 0xce]),
  Buffer.from([0xfe, 0xed, 0xfa, 0xcf]),
  Buffer.from([0xce, 0xfa, 0xed, 0xfe]),
  Buffer.from([0xcf, 0xfa, 0xed, 0xfe]),
  Buffer.from([0xca, 0xfe, 0xba, 0xbe]),
  Buffer.from([0x00, 0x61, 0x73, 0x6d]),
];

/** Tab, newline, carriage return, form feed. */
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/**
 * Text: valid UTF-8 with no control characters but tab, newline, carriage return and form feed.
 * Every audio container starts with binary bytes (ID3 version bytes, RIFF sizes, an MPEG frame sync,
 * an ftyp box size), so a text head means a script, a page, a list or a renamed document.
 */
export function isText(head: Buffer): boolean {
  if (head.length === 0) {
    return false;
  }
  let text: string;
  try {
    // The head may end inside a multi-byte character: drop up to 3 trailing bytes before decoding.
    text = new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(head));
  } catch {
    return false;
  }
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && !ALLOWED_CONTROLS.has(code)) || code === 0x7f) {
      return false;
    }
  }
  return true;
}

function trimPartialUtf8(head: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, head.length); back += 1) {
    const byte = head[head.length - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) {
      return head.subarray(0, head.length - back);
    }
    if ((byte & 0x80) === 0) {
      break;
    }
  }
  return head;
}

/**
 * The first four bytes of a WAVE file: RIFF; RF64 (EBU Tech 3306) and BW64 (ITU-R BS.2088) with
 * 64-bit sizes in a ds64 chunk, which DAWs write for small files too; RIFX, big-endian sizes.
 */
export const RIFF_WAVE_IDS: ReadonlySet<string> = new Set(['RIFF', 'RF64', 'BW64', 'RIFX']);

/** A chunk's 32-bit size: little-endian but in RIFX. */
export function chunkSize(header: Buffer, bigEndian: boolean): number {
  return bigEndian ? header.readUInt32BE(4) : header.readUInt32LE(4);
}

/** What the first bytes say, before any parser has looked. */
export function headKind(head: Buffer): HeadKind {
  const body = head.subarray(0, 3).equals(UTF8_BOM) ? head.subarray(3) : head;
  const trimmed = body.toString('latin1').trimStart();
  if (trimmed.startsWith('#EXTM3U')) {
    return 'playlist';
  }
  // `#!AMR` (and `#!AMR-WB`) starts a phone's AMR recording, not a script: named later by its signature.
  const script = head.subarray(0, 2).toString('latin1') === '#!' && head.subarray(0, 5).toString('latin1') !== '#!AMR';
  if (script || EXECUTABLE_MAGICS.some((magic) => head.subarray(0, magic.length).equals(magic))) {
    return 'executable';
  }
  if (isText(head)) {
    return 'text';
  }
  if (head.length >= 8 && head.toString('latin1', 4, 8) === 'ftyp') {
    return 'mp4';
  }
  if (RIFF_WAVE_IDS.has(head.toString('latin1', 0, 4)) && head.toString('latin1', 8, 12) === 'WAVE') {
    return 'riff-wave';
  }
  return 'other';
}

/** How many chunk headers we walk before giving up (a WAV has a handful). */
const MAX_CHUNKS = 1000;

/** Walks the RIFF chunk headers of a WAVE file: does it have a `fmt ` chunk? */
export async function wavHasFmtChunk(filePath: string): Promise<boolean> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(8);
    await handle.read(header, 0, 4, 0);
    const bigEndian = header.toString('latin1', 0, 4) === 'RIFX';
    let at = 12;
    for (let i = 0; i < MAX_CHUNKS && at + 8 <= size; i += 1) {
      await handle.read(header, 0, 8, at);
      if (header.toString('latin1', 0, 4) === 'fmt ') {
        return true;
      }
      const length = chunkSize(header, bigEndian);
      // RF64 writes 0xFFFFFFFF for a data size kept in ds64: no fmt after it can be found this way.
      if (length === 0xffffffff) {
        return false;
      }
      at += 8 + length + (length % 2);
    }
    return false;
  } finally {
    await handle.close();
  }
}
