import { resolve } from 'node:path';
import type { AudioTechnical } from '../db/schema/media.js';
import type { AudioContainer } from '../shared/enums.js';
import { containerOfFormat, decideAudio, MIN_PROBE_SCORE, type AudioDecision } from './audio-decide.js';
import { bytesAfterId3, isFreeFormatMp3, otherAudioFormat } from './audio-formats.js';
import { readIsrcTags } from './audio-tags.js';
import { mp3ZeroTail, mp4BoxOverrun, mp4ExtraData, wavDataOverrun, wavExtraData, wavMissingPad } from './container-overrun.js';
import { runFfprobe, type FfprobeOptions, type FfprobeOutput, type FfprobeRun } from './ffprobe-run.js';
import { mp3AudioEnd } from './mp3-trailing-tags.js';
import { chainFillsAudio, mp3ExtraData, mp3FrameChain, type FrameChain } from './mp3-frame-chain.js';
import { mp3DeclaredSeconds } from './mp3-vbr-header.js';
import { headKind, readHead, wavHasFmtChunk, type HeadKind } from './media-sniff.js';

export { mediaWarnings, type MediaExpectations } from './media-warnings.js';

/**
 * Audio analysis of an uploaded file (錄音 / 音樂性錄影): decides by content whether it is an
 * acceptable mp3, wav or mp4 agreeing with its name's extension, reads its technical data, and
 * finds the ISRCs in its tags. See STACK-NOTES.md (media) for why each step is as it is.
 *
 * Order: the file's first bytes (empty, playlist, program, text, formats known by signature:
 * refused without running ffprobe); ffprobe with counted packets, an MP3 without the tags at its end,
 * decides container, codec and duration (audio-decide.ts), with what the file declares itself (an
 * MP3's VBR header, an mp4's frames outside its edit lists, a WAV's chunk sizes); no bytes but the
 * container's own frames, chunks or boxes and tags (another file joined to it, in front or behind,
 * is refused: container-overrun.ts, mp3-frame-chain.ts); then music-metadata reads the ISRC tags
 * with the parser of that container (audio-tags.ts).
 */

/** Why a file is refused; audio-messages.ts has the zh-TW and English text for each. */
export type AudioRefusal =
  | 'not-audio'
  | 'other-audio-format'
  | 'quicktime'
  | 'extension-mismatch'
  | 'mpeg-layer-2'
  | 'mp3-free-format'
  | 'duration-not-backed'
  | 'no-audio-stream'
  | 'wav-without-fmt'
  | 'wav-missing-pad'
  | 'extra-data'
  | 'playlist'
  | 'empty'
  | 'unreadable';

export interface AudioAnalysis {
  container: AudioContainer;
  contentType: 'audio/mpeg' | 'audio/wav' | 'video/mp4' | 'audio/mp4';
  technical: AudioTechnical;
  /** Normalised 12-character ISRCs from the file's tags, in order, deduplicated. */
  tagIsrcs: string[];
}

/** A refusal's `format` names the format recognised (other-audio-format): the message says it. */
export type AudioProbeResult = { ok: true; analysis: AudioAnalysis } | { ok: false; reason: AudioRefusal; detail: string; format?: string };

function refuse(reason: AudioRefusal, detail: string): AudioProbeResult {
  return { ok: false, reason, detail };
}

/**
 * A format we recognise by its signature (after any ID3v2 tags) and do not accept, or an MP3 in
 * free format: refused by name before ffprobe, which would only say it found nothing it knows.
 */
async function refusalBySignature(filePath: string): Promise<AudioProbeResult | undefined> {
  const bytes = await bytesAfterId3(filePath);
  const format = otherAudioFormat(bytes);
  if (format !== undefined) {
    return { ok: false, reason: 'other-audio-format', detail: `a ${format} file`, format };
  }
  return isFreeFormatMp3(bytes) ? refuse('mp3-free-format', 'MPEG Layer III in free format (bitrate index 0)') : undefined;
}

/** The last meaningful line of ffprobe's errors, without the server's path, for the log. */
function withoutPath(stderr: string, filePath: string): string {
  return stderr.split(resolve(filePath)).join('<file>');
}

function ffprobeMessage(stderr: string, filePath: string): string {
  const lines = withoutPath(stderr, filePath)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('Last message repeated'));
  return (lines[lines.length - 1] ?? 'no output').slice(0, 200);
}

/** Why ffprobe could not read a file, told from its first bytes and its message. */
async function refusalForFailure(run: Extract<FfprobeRun, { ok: false }>, kind: HeadKind, filePath: string): Promise<AudioProbeResult> {
  const message = ffprobeMessage(run.stderr, filePath);
  switch (run.failure) {
    case 'timeout':
      return refuse('unreadable', 'ffprobe did not finish in time');
    case 'too-large':
      return refuse('unreadable', 'ffprobe output over its cap');
    case 'exit':
    case 'bad-json':
      break;
  }
  if (/m3u8|hls/iu.test(withoutPath(run.stderr, filePath))) {
    return refuse('playlist', `a playlist: ${message}`);
  }
  if (kind === 'mp4') {
    const overrun = await mp4BoxOverrun(filePath);
    if (overrun !== undefined) {
      return refuse('duration-not-backed', `mp4 cut short: ${overrun}`);
    }
    // ftyp only (or cut before the moov box): no track to play. Anything else is a damaged mp4.
    return /moov atom not found/u.test(run.stderr)
      ? refuse('no-audio-stream', 'mp4 without a moov box (ftyp only, or cut before its index)')
      : refuse('unreadable', `broken mp4: ${message}`);
  }
  if (kind === 'riff-wave') {
    const missingPad = await wavMissingPad(filePath);
    if (missingPad !== undefined) {
      return refuse('wav-missing-pad', missingPad);
    }
    return (await wavHasFmtChunk(filePath)) ? refuse('unreadable', `broken WAV: ${message}`) : refuse('wav-without-fmt', 'RIFF WAVE without a fmt chunk');
  }
  return refuse('not-audio', `no mp3, wav or mp4 recognised: ${message}`);
}

/**
 * ffprobe's answer for MPEG audio it only guessed, read again as MP3 when the file is MP3 throughout:
 * ffprobe's probe skips one ID3v2 tag, and gives up behind a second one with cover art. Forced to MP3,
 * ffprobe reads any bytes as frames (two real frames, then a web page or random bytes), so our own
 * walk of the frames from the tags to the audio's end (mp3-frame-chain.ts) stands for the probe's
 * score, and ffprobe must have read about as many frames as the walk found; else the guess stands
 * (refused as not audio).
 */
async function surelyMp3(filePath: string, output: FfprobeOutput, options: FfprobeOptions): Promise<FfprobeOutput> {
  const guessed = output.format.probeScore !== null && output.format.probeScore < MIN_PROBE_SCORE;
  if (!guessed || output.format.formatName !== 'mp3') {
    return output;
  }
  const chain = await mp3FrameChain(filePath, options.endAt);
  if (!chainFillsAudio(chain)) {
    return output;
  }
  const forced = await runFfprobe(filePath, { ...options, asMp3: true });
  if (!forced.ok || forced.output.format.formatName !== 'mp3' || !packetsMatchChain(forced.output, chain)) {
    return output;
  }
  return { ...forced.output, format: { ...forced.output.format, probeScore: null } };
}

/**
 * ffprobe's packets are the walked frames: one less for the Xing/Info frame it reads as a header,
 * one more or less for a last frame cut short. More would be bytes after the chain read as frames.
 */
function packetsMatchChain(output: FfprobeOutput, chain: FrameChain): boolean {
  const packets = output.streams.find((stream) => stream.codecType === 'audio')?.nbReadPackets ?? null;
  return packets !== null && packets >= chain.frames - 2 && packets <= chain.frames + 1;
}

/**
 * decideAudio with what the file itself declares: no ftyp box (QuickTime); an mp3's Xing/Info/VBRI
 * frame count; and, for an mp4 whose index seems to list frames that are missing, a second reading
 * with its edit lists ignored (a trimmed export leaves frames unplayed, not missing).
 */
async function decide(filePath: string, output: FfprobeOutput, extension: AudioContainer, options: FfprobeOptions): Promise<AudioDecision> {
  const container = containerOfFormat(output.format.formatName);
  // Every MP4 has an ftyp box, whose brand ffprobe reports; a classic QuickTime movie (still written
  // by some cameras and editors) has none, its first box being moov, mdat, wide or free.
  if (container === 'mp4' && output.format.majorBrand === null) {
    return { ok: false, reason: 'quicktime', detail: 'QuickTime movie without an ftyp box, not MP4' };
  }
  const facts = output.format.formatName === 'mp3' ? { mp3DeclaredSeconds: await mp3DeclaredSeconds(filePath) } : {};
  const decision = decideAudio(await surelyMp3(filePath, output, options), extension, facts);
  if (decision.ok || decision.reason !== 'duration-not-backed' || container !== 'mp4') {
    return decision;
  }
  const unedited = await runFfprobe(filePath, { ignoreEditLists: true });
  return unedited.ok ? decideAudio(output, extension, { withoutEditLists: unedited.output }) : decision;
}

/**
 * Analyses a local file. `extension` is what the user's file name ends with (lower-cased: mp3,
 * wav or mp4); the content must agree with it. Refusals are results; an exception means the
 * server could not do the check (file missing, ffprobe unavailable).
 */
export async function probeAudio(filePath: string, extension: AudioContainer): Promise<AudioProbeResult> {
  const { size, head } = await readHead(filePath);
  if (size === 0) {
    return refuse('empty', 'the file is empty');
  }
  const kind = headKind(head);
  switch (kind) {
    case 'playlist':
      return refuse('playlist', 'an M3U/HLS playlist (#EXTM3U)');
    case 'executable':
      return refuse('not-audio', 'an executable program or script');
    case 'text':
      return refuse('not-audio', 'a text file');
    case 'other': {
      const bySignature = await refusalBySignature(filePath);
      if (bySignature !== undefined) {
        return bySignature;
      }
      break;
    }
    case 'mp4':
    case 'riff-wave':
      break;
  }
  // MPEG audio (no other head is left here) is read without the tags at its end (mp3-trailing-tags.ts).
  const audioEnd = kind === 'other' ? await mp3AudioEnd(filePath) : size;
  const options: FfprobeOptions = audioEnd < size ? { endAt: audioEnd } : {};
  const run = await runFfprobe(filePath, options);
  if (!run.ok) {
    return refusalForFailure(run, kind, filePath);
  }
  const decision = await decide(filePath, run.output, extension, options);
  if (!decision.ok) {
    return refuse(decision.reason, decision.detail);
  }
  const { container, contentType, technical } = decision;
  // ffprobe reads a WAV cut short as a shorter one: its data chunk's size says otherwise; an MP3
  // without a VBR header says nothing, but an unfinished download ends in zeros.
  const overrun = container === 'wav' ? await wavDataOverrun(filePath) : container === 'mp3' ? await mp3ZeroTail(filePath) : undefined;
  if (overrun !== undefined) {
    return refuse('duration-not-backed', `${container === 'wav' ? 'WAV' : 'MP3'} cut short: ${overrun}`);
  }
  // Another file joined to the audio (a page in front, a zip behind): ffprobe skips or ignores it.
  const extra = container === 'mp3' ? await mp3ExtraData(filePath, audioEnd) : container === 'wav' ? await wavExtraData(filePath) : await mp4ExtraData(filePath);
  if (extra !== undefined) {
    return refuse('extra-data', extra);
  }
  const tagIsrcs = await readIsrcTags(filePath, container);
  return { ok: true, analysis: { container, contentType, technical, tagIsrcs } };
}
