import { bytesAfterId3 } from './audio-formats.js';

/**
 * The duration an MP3 itself declares: the frame count of its Xing/Info (LAME) or VBRI (Fraunhofer)
 * header in the first frame. Without one an MP3 declares nothing; ffprobe then estimates a duration
 * from the file's size and the bitrate, which counts every tag byte at the end (an APEv2 or appended
 * ID3v2 tag with cover art, Lyrics3) as audio. Only a declared count can tell a file cut short.
 */

/** How far past the ID3v2 tags we look for the first frame (a partial frame or junk before it). */
export const FIRST_FRAME_SEARCH_BYTES = 64 * 1024;

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
/** Sample rates by version bits (0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1) and rate index. */
const SAMPLE_RATES: Readonly<Record<number, readonly number[]>> = { 0: [11025, 12000, 8000], 2: [22050, 24000, 16000], 3: [44100, 48000, 32000] };

export interface Mp3Frame {
  mpeg1: boolean;
  mono: boolean;
  sampleRate: number;
  samplesPerFrame: number;
  length: number;
}

/** An MPEG Layer III frame header at `at`, or undefined (free format, reserved values). */
export function layer3Frame(bytes: Buffer, at: number): Mp3Frame | undefined {
  if (at + 4 > bytes.length) {
    return undefined;
  }
  const b1 = bytes[at + 1] ?? 0;
  const b2 = bytes[at + 2] ?? 0;
  const b3 = bytes[at + 3] ?? 0;
  const version = (b1 >> 3) & 0x03;
  const rates = SAMPLE_RATES[version];
  const bitrateIndex = b2 >> 4;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0 || ((b1 >> 1) & 0x03) !== 0x01 || rates === undefined || bitrateIndex === 0 || bitrateIndex === 15) {
    return undefined;
  }
  const sampleRate = rates[(b2 >> 2) & 0x03];
  if (sampleRate === undefined) {
    return undefined;
  }
  const mpeg1 = version === 3;
  const kbps = (mpeg1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex] ?? 0;
  const padding = (b2 >> 1) & 0x01;
  const length = Math.floor(((mpeg1 ? 144_000 : 72_000) * kbps) / sampleRate) + padding;
  return { mpeg1, mono: b3 >> 6 === 3, sampleRate, samplesPerFrame: mpeg1 ? 1152 : 576, length };
}

/** The first frame whose next frame follows it with the same version and rate: a chance sync in junk rarely does. */
function firstFrame(bytes: Buffer): { at: number; frame: Mp3Frame } | undefined {
  for (let at = 0; at + 4 <= bytes.length; at += 1) {
    const frame = layer3Frame(bytes, at);
    if (frame === undefined) {
      continue;
    }
    const next = layer3Frame(bytes, at + frame.length);
    if (next !== undefined && next.mpeg1 === frame.mpeg1 && next.sampleRate === frame.sampleRate) {
      return { at, frame };
    }
  }
  return undefined;
}

/** Frames declared by a Xing/Info or VBRI header in the frame at `at`, or undefined without one. */
function declaredFrames(bytes: Buffer, at: number, frame: Mp3Frame): number | undefined {
  // Xing/Info follows the side information (17 or 32 bytes in MPEG 1, 9 or 17 in MPEG 2/2.5).
  const sideInfo = frame.mpeg1 ? (frame.mono ? 17 : 32) : frame.mono ? 9 : 17;
  // With CRC protection (lame -p) two bytes come first; writers differ on whether they count.
  for (const xing of [at + 4 + sideInfo, at + 6 + sideInfo]) {
    const id = bytes.toString('latin1', xing, xing + 4);
    if ((id === 'Xing' || id === 'Info') && xing + 12 <= bytes.length) {
      const flags = bytes.readUInt32BE(xing + 4);
      return (flags & 0x01) === 0x01 ? bytes.readUInt32BE(xing + 8) : undefined;
    }
  }
  // VBRI: always 32 bytes after the frame header; its frame count is at offset 14.
  const vbri = at + 36;
  if (bytes.toString('latin1', vbri, vbri + 4) === 'VBRI' && vbri + 18 <= bytes.length) {
    return bytes.readUInt32BE(vbri + 14);
  }
  return undefined;
}

/** Seconds declared by the VBR/Info header of the MPEG audio in `bytes` (from after its ID3v2 tags). */
export function declaredSecondsIn(bytes: Buffer): number | null {
  const first = firstFrame(bytes);
  if (first === undefined) {
    return null;
  }
  const frames = declaredFrames(bytes, first.at, first.frame);
  return frames === undefined || frames === 0 ? null : (frames * first.frame.samplesPerFrame) / first.frame.sampleRate;
}

/** The duration an MP3 file's own header declares, or null when it declares none. */
export async function mp3DeclaredSeconds(filePath: string): Promise<number | null> {
  return declaredSecondsIn(await bytesAfterId3(filePath, FIRST_FRAME_SEARCH_BYTES));
}
