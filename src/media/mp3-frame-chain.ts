import { open } from 'node:fs/promises';
import { id3v2End } from './audio-formats.js';
import { layer3Frame, type Mp3Frame } from './mp3-vbr-header.js';
import { readAt } from './read-at.js';

/**
 * The unbroken chain of MPEG Layer III frames from the end of an MP3's ID3v2 tags, each frame's
 * header where the previous one's length says. ffprobe gives up on an MP3 behind two ID3v2 tags with
 * cover art and only guesses (score 1); it is then read again as MP3 (audio-probe.ts) only when this
 * chain fills the audio: two real frames in front of a web page or random bytes must stay refused,
 * and forced to MP3, ffprobe reads anything as frames.
 */

/** A chain this long is no chance: 8 frames are 0.2 s of audio, a real recording has hundreds. */
export const MIN_CHAIN_FRAMES = 8;
/** Share of the bytes between the tags and the audio's end the chain must cover (a last frame cut short is fine). */
export const MIN_CHAIN_COVERAGE = 0.95;

/** The file is read this much at a time: the walk looks at 4 bytes a frame. */
const WINDOW_BYTES = 256 * 1024;

export interface FrameChain {
  /** Frames in the chain. */
  frames: number;
  /** Bytes those frames cover, up to the audio's end. */
  bytes: number;
  /** Bytes from the end of the ID3v2 tags to the audio's end. */
  span: number;
}

/** Does `next` belong to the stream `first` starts? The bitrate and channel mode may change from frame to frame, the version and rate may not. */
const sameStream = (first: Mp3Frame, next: Mp3Frame): boolean => next.mpeg1 === first.mpeg1 && next.sampleRate === first.sampleRate;

/**
 * Walks the frame headers from the end of the file's ID3v2 tags to `audioEnd` (mp3-trailing-tags.ts;
 * the file's size when undefined) and stops at the first byte where no frame of the same stream starts.
 */
export async function mp3FrameChain(filePath: string, audioEnd?: number): Promise<FrameChain> {
  const handle = await open(filePath, 'r');
  try {
    const start = await id3v2End(handle);
    const end = audioEnd ?? (await handle.stat()).size;
    let window: Buffer = Buffer.alloc(0);
    let windowAt = start;
    let at = start;
    let frames = 0;
    let first: Mp3Frame | undefined;
    while (at + 4 <= end) {
      if (at + 4 > windowAt + window.length) {
        window = await readAt(handle, at, Math.min(WINDOW_BYTES, end - at));
        windowAt = at;
      }
      const frame = layer3Frame(window, at - windowAt);
      if (frame === undefined || (first !== undefined && !sameStream(first, frame))) {
        break;
      }
      first ??= frame;
      frames += 1;
      at += frame.length;
    }
    return { frames, bytes: Math.max(0, Math.min(at, end) - start), span: Math.max(0, end - start) };
  } finally {
    await handle.close();
  }
}

/** Is the audio MP3 throughout: a long chain of frames covering nearly every byte of it? */
export function chainFillsAudio(chain: FrameChain): boolean {
  return chain.frames >= MIN_CHAIN_FRAMES && chain.span > 0 && chain.bytes >= chain.span * MIN_CHAIN_COVERAGE;
}
