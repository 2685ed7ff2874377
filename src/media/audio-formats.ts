import { open, type FileHandle } from 'node:fs/promises';
import { readAt } from './read-at.js';

/**
 * Recognises, from a file's first bytes, the audio and video formats we do not accept (FLAC, Ogg,
 * AIFF, WMA…), so a renamed one is refused by name ("this is a FLAC file") instead of as "not audio",
 * and the MP3 variant ffprobe cannot decode (free format). Taggers put ID3v2 tags in front of FLAC
 * and raw AAC as well as MP3, so the bytes looked at are those after any ID3v2 tags.
 */

/** How many bytes after the ID3v2 tags are enough for every signature below (MPEG-TS: three packets). */
export const SIGNATURE_BYTES = 400;

/** Length of an ID3v2 tag at the start of `bytes` (header, body, footer), or 0 without one. */
export function id3v2Length(bytes: Buffer): number {
  if (bytes.length < 10 || bytes.toString('latin1', 0, 3) !== 'ID3' || bytes[3] === 0xff || bytes[4] === 0xff) {
    return 0;
  }
  const size = bytes.subarray(6, 10);
  if (size.some((b) => b >= 0x80)) {
    return 0;
  }
  const body = ((size[0] ?? 0) << 21) | ((size[1] ?? 0) << 14) | ((size[2] ?? 0) << 7) | (size[3] ?? 0);
  const footer = ((bytes[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
  return 10 + body + footer;
}

/** Where the content starts after any (possibly repeated) ID3v2 tags at the start of a file. */
export async function id3v2End(handle: FileHandle): Promise<number> {
  let at = 0;
  // A few tags at most (some taggers prepend a new one instead of rewriting the old).
  for (let i = 0; i < 8; i += 1) {
    const length = id3v2Length(await readAt(handle, at, 10));
    if (length === 0) {
      break;
    }
    at += length;
  }
  return at;
}

/** The first `length` bytes after any ID3v2 tags, e.g. past 2 MB of cover art. */
export async function bytesAfterId3(filePath: string, length = SIGNATURE_BYTES): Promise<Buffer> {
  const handle = await open(filePath, 'r');
  try {
    return await readAt(handle, await id3v2End(handle), length);
  } finally {
    await handle.close();
  }
}

const text = (bytes: Buffer, from: number, to: number): string => bytes.toString('latin1', from, to);

const ASF_GUID = Buffer.from([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11]);
const EBML = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
const DTS_SYNC = Buffer.from([0x7f, 0xfe, 0x80, 0x01]);
/** Sony Wave64 (Sound Forge, Vegas): `riff` then the rest of its 16-byte GUID. */
const WAVE64_RIFF_GUID = Buffer.from([0x2e, 0x91, 0xcf, 0x11, 0xa5, 0xd6, 0x28, 0xdb, 0x04, 0xc1, 0x00, 0x00]);
/** The SMPTE universal label prefix every MXF file (broadcast and editing exports) starts with. */
const SMPTE_LABEL = Buffer.from([0x06, 0x0e, 0x2b, 0x34]);
const MPEG_PS_PACK = Buffer.from([0x00, 0x00, 0x01, 0xba]);
const TS_SYNC = 0x47;

/** MPEG transport stream: a sync byte every 188 bytes (M2TS, Blu-ray and AVCHD: 192, after a 4-byte time code). */
function isTransportStream(bytes: Buffer): boolean {
  const every = (first: number, step: number): boolean => [0, 1, 2].every((i) => bytes[first + i * step] === TS_SYNC);
  return every(0, 188) || every(4, 192);
}

function oggCodec(bytes: Buffer): string {
  // The first page's packet follows its 27-byte header and segment table.
  const segments = bytes[26] ?? 0;
  const packet = text(bytes, 27 + segments, 27 + segments + 8);
  if (packet.startsWith('OpusHead')) {
    return 'Ogg Opus';
  }
  if (packet.slice(1, 7) === 'vorbis') {
    return 'Ogg Vorbis';
  }
  if (packet.slice(1, 5) === 'FLAC') {
    return 'Ogg FLAC';
  }
  return 'Ogg';
}

/** The name of an audio or video format we do not accept, when its signature is at the start. */
export function otherAudioFormat(bytes: Buffer): string | undefined {
  const four = text(bytes, 0, 4);
  switch (four) {
    case 'fLaC':
      return 'FLAC';
    case 'OggS':
      return oggCodec(bytes);
    case 'FORM':
      return text(bytes, 8, 12) === 'AIFF' ? 'AIFF' : text(bytes, 8, 12) === 'AIFC' ? 'AIFF-C' : undefined;
    case 'caff':
      return 'CAF (Core Audio)';
    case 'wvpk':
      return 'WavPack';
    case 'MAC ':
      return "Monkey's Audio (APE)";
    case 'DSD ':
      return 'DSD (DSF)';
    case 'FRM8':
      return 'DSD (DFF)';
    case 'MThd':
      return 'MIDI';
    case '.snd':
      return 'Sun/NeXT AU';
    case 'RIFF':
      return text(bytes, 8, 12) === 'AVI ' ? 'AVI' : undefined;
    case 'riff':
      return bytes.subarray(4, 16).equals(WAVE64_RIFF_GUID) ? 'Sony Wave64 (W64)' : undefined;
    case 'TTA1':
      return 'TTA (True Audio)';
    case 'MPCK':
      return 'Musepack';
    case '.RMF':
      return 'RealMedia';
  }
  if (text(bytes, 0, 3) === 'FLV' && bytes[3] === 0x01) {
    return 'FLV (Flash Video)';
  }
  if (text(bytes, 0, 3) === 'MP+') {
    return 'Musepack';
  }
  if (text(bytes, 0, 19) === 'Creative Voice File') {
    return 'VOC (Creative Voice)';
  }
  if (bytes.subarray(0, 4).equals(SMPTE_LABEL)) {
    return 'MXF';
  }
  if (bytes.subarray(0, 4).equals(MPEG_PS_PACK)) {
    return 'MPEG-PS (MPEG program stream)';
  }
  if (isTransportStream(bytes)) {
    return 'MPEG-TS (MPEG transport stream)';
  }
  if (text(bytes, 0, 5) === '#!AMR') {
    return 'AMR';
  }
  if (bytes.subarray(0, 8).equals(ASF_GUID)) {
    return 'WMA/WMV (ASF)';
  }
  if (bytes.subarray(0, 4).equals(EBML)) {
    return 'Matroska/WebM';
  }
  if (bytes[0] === 0x0b && bytes[1] === 0x77) {
    return 'AC-3 (Dolby Digital)';
  }
  if (bytes.subarray(0, 4).equals(DTS_SYNC)) {
    return 'DTS';
  }
  // ADTS (raw AAC): the 12-bit sync of MPEG audio but layer bits 00, which MPEG audio never uses.
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xf6) === 0xf0) {
    return 'AAC (ADTS)';
  }
  return undefined;
}

/**
 * An MPEG Layer III frame header with bitrate index 0 ("free format"): legal, but optional for
 * decoders, and ffprobe reads no sample rate or channels from it.
 */
export function isFreeFormatMp3(bytes: Buffer): boolean {
  const b1 = bytes[1] ?? 0;
  const b2 = bytes[2] ?? 0;
  const sync = bytes[0] === 0xff && (b1 & 0xe0) === 0xe0;
  const layer3 = ((b1 >> 1) & 0x03) === 0x01;
  return sync && layer3 && b2 >> 4 === 0 && ((b2 >> 2) & 0x03) !== 0x03;
}
