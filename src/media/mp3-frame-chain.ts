import { open, type FileHandle } from 'node:fs/promises';
import { id3v2End, id3v2Length } from './audio-formats.js';
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

/**
 * The longest Layer III frame (MPEG-1 at 320 kbit/s and 32 kHz, or MPEG-2.5 at 160 kbit/s and
 * 8 kHz, padded). A stream cut in the middle of a frame starts with the rest of that frame: at most
 * this many bytes that are no frame, and anything more in front of the audio is not a cut.
 */
export const MAX_FRAME_BYTES = 1441;
/** Frames in a row that mark where the audio starts after a partial frame (a chance sync in it rarely makes two). */
const START_FRAMES = 4;
/**
 * What a browser or a viewer takes for another kind of file at its start (after white space), as
 * WHATWG MIME Sniffing §7.1 identifies an unknown type: HTML tags (any case, then a space or `>`),
 * XML, PDF, PostScript, and the signatures of archives, pictures and programs. A frame's rest
 * starts with none of them but by a chance of about 1 in 10^6 (the shortest, `<A ` and `<P>`, are 3 bytes).
 */
const HTML_TAGS = ['<!DOCTYPE HTML', '<HTML', '<HEAD', '<SCRIPT', '<IFRAME', '<H1', '<DIV', '<FONT', '<TABLE', '<A', '<STYLE', '<TITLE', '<B', '<BODY', '<BR', '<P', '<!--', '<SVG'];
const OTHER_FILE_MAGICS = [
  '<?xml',
  '%PDF-',
  '%!PS-Adobe-',
  'PK\u0003\u0004',
  'GIF87a',
  'GIF89a',
  '\u0089PNG',
  '\u00ff\u00d8\u00ff',
  'Rar!',
  '7z\u00bc\u00af',
  '\u001f\u008b\u0008',
  '\u007fELF',
  '{\\rtf',
];
/** White space a sniffer skips before a tag: tab, newline, form feed, carriage return, space. */
const SNIFF_WHITESPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/** Reads a file through one window at a time: the walk looks at a few bytes per frame. */
class WindowReader {
  private window: Buffer = Buffer.alloc(0);
  private windowAt = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly end: number,
  ) {}

  /** Up to `length` (at most WINDOW_BYTES) bytes from `at`, fewer at the end. */
  async bytes(at: number, length: number): Promise<Buffer> {
    const to = Math.min(at + length, this.end);
    if (at < this.windowAt || to > this.windowAt + this.window.length) {
      this.window = await readAt(this.handle, at, Math.min(WINDOW_BYTES, this.end - at));
      this.windowAt = at;
    }
    return this.window.subarray(at - this.windowAt, to - this.windowAt);
  }

  async frame(at: number): Promise<Mp3Frame | undefined> {
    return layer3Frame(await this.bytes(at, 4), 0);
  }
}

/** Does a run of `count` frames of one stream start at `at` (or run to the end first)? */
async function startsRun(reader: WindowReader, at: number, end: number, count: number): Promise<Mp3Frame | undefined> {
  const first = await reader.frame(at);
  let next = at + (first?.length ?? 0);
  for (let i = 1; first !== undefined && i < count && next + 4 <= end; i += 1) {
    const frame = await reader.frame(next);
    if (frame === undefined || !sameStream(first, frame)) {
      return undefined;
    }
    next += frame.length;
  }
  return first;
}

/** Tags in a row between the frames of files joined together (an ID3v1 and one or two ID3v2 each). */
const MAX_JOINED_TAGS = 8;

/**
 * The length of an ID3v2 or ID3v1 tag at `at` (the end of one file joined to another), 0 if none.
 * A tag must end before `end`: a header claiming more would hide whatever follows it.
 */
async function joinedTagLength(reader: WindowReader, at: number, end: number): Promise<number> {
  const id3v2 = id3v2Length(await reader.bytes(at, 10));
  const length = id3v2 > 0 ? id3v2 : (await reader.bytes(at, 3)).toString('latin1') === 'TAG' ? 128 : 0;
  return at + length <= end ? length : 0;
}

/** The offset of the first byte from `from` that is not zero, `end` if none. */
async function firstNonZero(reader: WindowReader, from: number, end: number): Promise<number> {
  let at = from;
  while (at < end) {
    const window = await reader.bytes(at, WINDOW_BYTES);
    const nonZero = window.findIndex((byte) => byte !== 0);
    if (nonZero >= 0) {
      return at + nonZero;
    }
    at += Math.max(1, window.length);
  }
  return end;
}

/** Why the bytes in front of the first frame are not the rest of a frame cut off, or undefined. */
function foreignLead(lead: Buffer): string | undefined {
  let from = lead.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
  while (from < lead.length && SNIFF_WHITESPACE.has(lead[from] ?? 0)) {
    from += 1;
  }
  const head = lead.toString('latin1', from, from + 16);
  const tag = HTML_TAGS.find((t) => head.toUpperCase().startsWith(t) && (t === '<!--' || [' ', '>'].includes(head.charAt(t.length))));
  const magic = tag ?? OTHER_FILE_MAGICS.find((m) => head.startsWith(m));
  return magic === undefined ? undefined : `the ${lead.length} bytes in front of the first frame start like another file (${JSON.stringify(magic)})`;
}

/**
 * Bytes of an MP3 that are neither its tags nor its frames, a sign of another file joined to it
 * (a page or document in front, an archive behind): ffprobe skips junk before the first frame
 * and reads a zip after the last one as more frames. Walks from the end of the ID3v2 tags to
 * `audioEnd` (mp3-trailing-tags.ts) and allows what real files hold: zero bytes after the tags,
 * the rest of a frame cut off at the start (at most one frame, not starting like another file: a
 * page, a document, an archive, a picture), ID3v2 or ID3v1 tags between
 * the frames of files joined together (the stream may change there), a last frame cut short, and
 * zero bytes after the last frame (an unfinished download ending in zeros is mp3ZeroTail's).
 * Returns why (for the log) or undefined.
 */
export async function mp3ExtraData(filePath: string, audioEnd?: number): Promise<string | undefined> {
  const handle = await open(filePath, 'r');
  try {
    const start = await id3v2End(handle);
    const end = audioEnd ?? (await handle.stat()).size;
    const reader = new WindowReader(handle, end);
    const leadAt = await firstNonZero(reader, start, end);
    let at = leadAt;
    let first: Mp3Frame | undefined;
    for (; at + 4 <= end && at <= leadAt + MAX_FRAME_BYTES; at += 1) {
      first = await startsRun(reader, at, end, START_FRAMES);
      if (first !== undefined) {
        break;
      }
    }
    if (first === undefined) {
      return `no run of frames within ${MAX_FRAME_BYTES} bytes of the audio's start (offset ${leadAt})`;
    }
    const lead = at > leadAt ? foreignLead(await reader.bytes(leadAt, at - leadAt)) : undefined;
    if (lead !== undefined) {
      return lead;
    }
    while (at + 4 <= end) {
      const frame = await reader.frame(at);
      if (frame !== undefined && sameStream(first, frame)) {
        at += frame.length;
        continue;
      }
      // Files joined together: tags between them, then maybe another stream (rate, version).
      for (let tags = 0; tags < MAX_JOINED_TAGS; tags += 1) {
        const tagLength = await joinedTagLength(reader, at, end);
        if (tagLength === 0) {
          break;
        }
        at += tagLength;
      }
      const next = at + 4 <= end ? await startsRun(reader, at, end, 2) : undefined;
      if (next === undefined) {
        break;
      }
      first = next;
    }
    return at < end && (await firstNonZero(reader, at, end)) < end ? `${end - at} bytes after the last frame (offset ${at}) are not audio` : undefined;
  } finally {
    await handle.close();
  }
}
