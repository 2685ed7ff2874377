import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { ffprobePath } from './ffprobe-path.js';

/**
 * Runs the static ffprobe on a local file and returns the parts of its JSON we use, checked.
 *
 * Measured settings (STACK-NOTES.md): `-count_packets` so the packets actually present are counted
 * (a cut file or leading junk cannot hide behind a header), a format whitelist of the three
 * containers we accept, and `-protocol_whitelist file` so a playlist can never make it open
 * anything else. No shell; the path is passed as a `file:` URL so a name starting with `-` or
 * holding `:` is never read as an option or another protocol.
 */

export const FFPROBE_FORMATS = 'mov,mp4,m4a,3gp,3g2,mj2,mp3,wav';
export const FFPROBE_TIMEOUT_MS = 60_000;
/** stdout (JSON) and stderr are each capped; a normal answer is a few KB. */
export const FFPROBE_MAX_OUTPUT = 8 * 1024 * 1024;

export interface FfprobeStream {
  index: number;
  codecName: string | null;
  codecType: string | null;
  profile: string | null;
  sampleRate: number | null;
  channels: number | null;
  bitRate: number | null;
  duration: number | null;
  /** Frames the container's index claims (mp4); null where the format has no index. */
  nbFrames: number | null;
  /** Packets ffprobe actually read (-count_packets). */
  nbReadPackets: number | null;
  attachedPic: boolean;
}

export interface FfprobeFormat {
  formatName: string;
  probeScore: number | null;
  duration: number | null;
  size: number | null;
  bitRate: number | null;
  /** The mp4 family's `ftyp` major brand (`isom`, `M4A `, `qt  `…); null without one. */
  majorBrand: string | null;
}

export interface FfprobeOutput {
  format: FfprobeFormat;
  streams: FfprobeStream[];
}

export type FfprobeRun = { ok: true; output: FfprobeOutput; stderr: string } | { ok: false; failure: 'exit' | 'timeout' | 'too-large' | 'bad-json'; stderr: string };

export interface FfprobeOptions {
  /**
   * Read every sample the mp4 index lists, as if it had no edit lists: tells the frames an edit
   * list leaves unplayed (present) from frames the file lacks (cut short).
   */
  ignoreEditLists?: boolean;
  /**
   * Read the file as MP3 without probing: for MPEG audio whose own frame chain (mp3-frame-chain.ts)
   * runs from the end of its ID3v2 tags to the end of its audio, where ffprobe's probe gives up
   * (several tags with cover art before the first frame).
   */
  asMp3?: boolean;
  /**
   * Read the file only up to this offset (ffmpeg's subfile protocol over file:): an MP3's audio
   * without the tags appended to it (mp3-trailing-tags.ts).
   */
  endAt?: number;
}

/** The input URL: the file, or its first `endAt` bytes. */
function inputUrl(filePath: string, endAt: number | undefined): string {
  const file = `file:${resolve(filePath)}`;
  return endAt === undefined ? file : `subfile,,start,0,end,${endAt},,:${file}`;
}

export function ffprobeArgs(filePath: string, options: FfprobeOptions = {}): string[] {
  return [
    '-v',
    'error',
    '-count_packets',
    '-show_format',
    '-show_streams',
    '-of',
    'json',
    '-format_whitelist',
    FFPROBE_FORMATS,
    '-protocol_whitelist',
    options.endAt === undefined ? 'file' : 'file,subfile',
    ...(options.ignoreEditLists === true ? ['-ignore_editlist', '1'] : []),
    ...(options.asMp3 === true ? ['-f', 'mp3'] : []),
    '-i',
    inputUrl(filePath, options.endAt),
  ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

/** ffprobe writes most numbers as strings ("44100", "3.030204", "N/A"). */
function numberOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function parseStream(value: unknown, position: number): FfprobeStream {
  const s = record(value) ?? {};
  const disposition = record(s.disposition);
  return {
    index: numberOf(s.index) ?? position,
    codecName: stringOf(s.codec_name),
    codecType: stringOf(s.codec_type),
    profile: stringOf(s.profile),
    sampleRate: numberOf(s.sample_rate),
    channels: numberOf(s.channels),
    bitRate: numberOf(s.bit_rate),
    duration: numberOf(s.duration),
    nbFrames: numberOf(s.nb_frames),
    nbReadPackets: numberOf(s.nb_read_packets),
    attachedPic: numberOf(disposition?.attached_pic) === 1,
  };
}

/** The checked subset of ffprobe's JSON, or undefined when it has no format (nothing was recognised). */
export function parseFfprobeJson(text: string): FfprobeOutput | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const root = record(json);
  const format = record(root?.format);
  const formatName = stringOf(format?.format_name);
  if (root === undefined || format === undefined || formatName === null) {
    return undefined;
  }
  const streams = Array.isArray(root.streams) ? root.streams : [];
  return {
    format: {
      formatName,
      probeScore: numberOf(format.probe_score),
      duration: numberOf(format.duration),
      size: numberOf(format.size),
      bitRate: numberOf(format.bit_rate),
      majorBrand: stringOf(record(format.tags)?.major_brand),
    },
    streams: streams.map((stream: unknown, i) => parseStream(stream, i)),
  };
}

/** Runs ffprobe; a missing or unusable binary throws (a server fault, not the file's). */
export async function runFfprobe(filePath: string, options: FfprobeOptions = {}): Promise<FfprobeRun> {
  const binary = await ffprobePath();
  return new Promise((done, fail) => {
    execFile(
      binary,
      ffprobeArgs(filePath, options),
      { timeout: FFPROBE_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: FFPROBE_MAX_OUTPUT, encoding: 'utf8', windowsHide: true },
      (error, stdout, stderr) => {
        const errText = stderr.slice(0, 4000);
        if (error !== null) {
          const code: unknown = 'code' in error ? error.code : undefined;
          if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
            done({ ok: false, failure: 'too-large', stderr: errText });
          } else if (error.killed) {
            done({ ok: false, failure: 'timeout', stderr: errText });
          } else if (typeof code === 'number') {
            done({ ok: false, failure: 'exit', stderr: errText });
          } else {
            // Could not start it at all (ENOENT, EACCES…): the server's problem.
            fail(new Error(`cannot run ffprobe: ${error.message}`, { cause: error }));
          }
          return;
        }
        const output = parseFfprobeJson(stdout);
        done(output === undefined ? { ok: false, failure: 'bad-json', stderr: errText } : { ok: true, output, stderr: errText });
      },
    );
  });
}
