import type { AudioTechnical } from '../db/schema/media.js';
import type { AudioContainer } from '../shared/enums.js';
import type { AudioAnalysis, AudioRefusal } from './audio-probe.js';
import type { FfprobeOutput, FfprobeStream } from './ffprobe-run.js';

/**
 * Decides, from what ffprobe read (packets counted), whether a file is acceptable audio and what
 * it is. Pure: unit-tested on ffprobe answers as well as on real files.
 */

export type AudioDecision = ({ ok: true } & Omit<AudioAnalysis, 'tagIsrcs'>) | { ok: false; reason: AudioRefusal; detail: string };

/** ffprobe's AVPROBE_SCORE_MAX / 4: below it the demuxer was only guessing (a program named .mp3 scores 1). */
export const MIN_PROBE_SCORE = 25;

/**
 * The `ftyp` brand of Apple's QuickTime movies (.mov). ffprobe reads them with the same demuxer as
 * MP4, but they are another format (their own codecs, e.g. ProRes and PCM, and atoms), so a .mov
 * renamed .mp4 is refused by name rather than stored as MP4.
 */
export const QUICKTIME_BRAND = 'qt  ';

/** How much shorter than its header a file may really be: 0.5 s or 2 %, whichever is more. */
export function durationTolerance(headerSeconds: number): number {
  return Math.max(0.5, headerSeconds * 0.02);
}

function refuse(reason: AudioRefusal, detail: string): AudioDecision {
  return { ok: false, reason, detail };
}

export function containerOfFormat(formatName: string): AudioContainer | undefined {
  if (formatName === 'mp3') {
    return 'mp3';
  }
  if (formatName === 'wav') {
    return 'wav';
  }
  return formatName.split(',').includes('mp4') ? 'mp4' : undefined;
}

/** Samples in one packet where the codec fixes it; null where it varies or is unknown. */
export function samplesPerPacket(stream: FfprobeStream): number | null {
  switch (stream.codecName ?? '') {
    case 'mp3':
      // MPEG-1 Layer III: 1152; MPEG-2/2.5 (16–24 kHz and below): 576.
      return stream.sampleRate !== null && stream.sampleRate < 32000 ? 576 : 1152;
    case 'mp2':
      return 1152;
    case 'mp1':
      return 384;
    case 'aac':
      // HE-AAC reports the doubled (SBR) rate and 2048 output samples a packet.
      return stream.profile?.startsWith('HE') === true ? 2048 : 1024;
    case 'ac3':
    case 'eac3':
      return 1536;
    default:
      return null;
  }
}

/** Duration of the packets actually read, where the codec's packet length is fixed. */
export function countedSeconds(stream: FfprobeStream): number | null {
  const perPacket = samplesPerPacket(stream);
  if (perPacket === null || stream.nbReadPackets === null || stream.sampleRate === null || stream.sampleRate <= 0) {
    return null;
  }
  return (stream.nbReadPackets * perPacket) / stream.sampleRate;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * What the probe read from the file itself, besides ffprobe's answer, for the checks ffprobe's
 * numbers alone get wrong.
 */
export interface ContainerFacts {
  /**
   * mp3: the seconds its Xing/Info or VBRI header declares, null without such a header (ffprobe's
   * duration is then an estimate from the file size, tags included, and declares nothing).
   */
  mp3DeclaredSeconds?: number | null;
  /**
   * mp4: ffprobe's answer with edit lists ignored. An edit list may play only part of a track (a
   * trimmed export): the frames it leaves out are not read, though present; they are counted here.
   */
  withoutEditLists?: FfprobeOutput;
}

/** The header's duration the data must back: for mp3 only a declared one. */
function headerSeconds(output: FfprobeOutput, audio: FfprobeStream, facts: ContainerFacts): number | null {
  if (output.format.formatName === 'mp3' && facts.mp3DeclaredSeconds !== undefined) {
    return facts.mp3DeclaredSeconds;
  }
  return audio.duration ?? output.format.duration;
}

/** A reason the header's duration or frame count is not backed by the data present, if any. */
function unbackedDuration(output: FfprobeOutput, audio: FfprobeStream, facts: ContainerFacts): string | undefined {
  const indexed = facts.withoutEditLists ?? output;
  for (const stream of indexed.streams) {
    const { nbFrames, nbReadPackets } = stream;
    if (stream.attachedPic || nbFrames === null || nbReadPackets === null) {
      continue;
    }
    if (nbReadPackets < nbFrames - Math.max(2, nbFrames * 0.02)) {
      return `stream ${stream.index} (${stream.codecName ?? '?'}): the index lists ${nbFrames} frames, only ${nbReadPackets} are present`;
    }
  }
  const header = headerSeconds(output, audio, facts);
  if (header === null) {
    return undefined;
  }
  const counted = countedSeconds(audio);
  if (counted !== null && header - counted > durationTolerance(header)) {
    return `header says ${round3(header)} s, the ${audio.nbReadPackets ?? 0} frames present last ${round3(counted)} s`;
  }
  const { size } = output.format;
  if (audio.codecName?.startsWith('pcm_') === true && size !== null && audio.bitRate !== null && audio.bitRate > 0) {
    const bytesSeconds = (size * 8) / audio.bitRate;
    if (header - bytesSeconds > durationTolerance(header)) {
      return `header says ${round3(header)} s, the file holds ${round3(bytesSeconds)} s of samples`;
    }
  }
  return undefined;
}

function durationSeconds(container: AudioContainer, output: FfprobeOutput, audio: FfprobeStream): number | null {
  const counted = countedSeconds(audio);
  // mp3 has no index: the frames counted are the truth (a header may be absent or stale).
  if (container === 'mp3' && counted !== null) {
    return counted;
  }
  return output.format.duration ?? audio.duration ?? counted;
}

function contentTypeOf(container: AudioContainer, streams: FfprobeStream[]): AudioAnalysis['contentType'] {
  switch (container) {
    case 'mp3':
      return 'audio/mpeg';
    case 'wav':
      return 'audio/wav';
    case 'mp4':
      // A cover picture is a video stream marked attached_pic: still an audio-only file.
      return streams.some((s) => s.codecType === 'video' && !s.attachedPic) ? 'video/mp4' : 'audio/mp4';
  }
}

/**
 * The decision for one file whose user-given name ends with `.<extension>`. Checks, in order:
 * the demuxer was sure; an accepted container, not a QuickTime movie; MPEG Layer I/II is not mp3; an audio stream with
 * packets; the content agrees with the extension; the header's duration is backed by the data.
 */
export function decideAudio(output: FfprobeOutput, extension: AudioContainer, facts: ContainerFacts = {}): AudioDecision {
  const { format, streams } = output;
  if (format.probeScore !== null && format.probeScore < MIN_PROBE_SCORE) {
    return refuse('not-audio', `ffprobe only guessed ${format.formatName} (score ${format.probeScore})`);
  }
  const container = containerOfFormat(format.formatName);
  if (container === undefined) {
    return refuse('not-audio', `format ${format.formatName}`);
  }
  if (container === 'mp4' && format.majorBrand === QUICKTIME_BRAND) {
    return refuse('quicktime', 'QuickTime movie (ftyp brand "qt  "), not MP4');
  }
  const audio = streams.find((s) => s.codecType === 'audio');
  if (container === 'mp3' && (audio?.codecName === 'mp2' || audio?.codecName === 'mp1')) {
    return refuse('mpeg-layer-2', `MPEG audio ${audio.codecName === 'mp2' ? 'Layer II' : 'Layer I'}, not Layer III (mp3)`);
  }
  if (audio === undefined) {
    return refuse('no-audio-stream', `${format.formatName} without an audio stream`);
  }
  if (audio.nbReadPackets === 0) {
    return refuse('no-audio-stream', `the ${audio.codecName ?? 'audio'} stream has no packets`);
  }
  if (container === 'mp3' && audio.codecName !== 'mp3') {
    return refuse('not-audio', `MPEG audio stream of codec ${audio.codecName ?? 'unknown'}`);
  }
  if (container !== extension) {
    return refuse('extension-mismatch', `content is ${container}, name ends with .${extension}`);
  }
  const unbacked = unbackedDuration(output, audio, facts);
  if (unbacked !== undefined) {
    return refuse('duration-not-backed', unbacked);
  }
  const seconds = durationSeconds(container, output, audio);
  if (seconds === null || seconds <= 0) {
    return refuse('unreadable', 'no duration');
  }
  const technical: AudioTechnical = {
    codec: audio.codecName ?? 'unknown',
    sampleRate: audio.sampleRate,
    channels: audio.channels,
    bitRate: audio.bitRate ?? format.bitRate,
    durationMs: Math.round(seconds * 1000),
  };
  return { ok: true, container, contentType: contentTypeOf(container, streams), technical };
}
