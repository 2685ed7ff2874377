import { normaliseIsrc, type Isrc } from '../../../../src/isrc/index.js';
import { MAX_AUDIO_BYTES } from '../../../../src/media/track-audio.schemas.js';
import { AUDIO_CONTAINERS, type AudioContainer } from '../../../../src/shared/enums.js';

export { AUDIO_ACCEPT, MAX_AUDIO_BYTES } from '../../../../src/media/track-audio.schemas.js';

/** NFKC, as the server reads names: a full-width name typed with a Chinese IME (ＴＷＡ…．ｍｐ３) is the same name. */
const normalised = (fileName: string): string => fileName.normalize('NFKC').trim();

export function audioExtension(fileName: string): AudioContainer | null {
  const name = normalised(fileName);
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  return AUDIO_CONTAINERS.find((known) => known === ext) ?? null;
}

/** The ISRC a file is named by (TWA011800001.mp3, TW-A01-18-00001.wav, any spelling the core accepts), or null. */
export function isrcFromFileName(fileName: string): Isrc | null {
  const name = normalised(fileName);
  const dot = name.lastIndexOf('.');
  const base = dot < 0 ? name : name.slice(0, dot);
  const parsed = normaliseIsrc(base);
  return parsed.ok ? parsed.value : null;
}

export interface MatchableTrack {
  id: string;
  /** Compact ISRC, or null while none is assigned. */
  isrc: string | null;
  /** The track has audio that may not be replaced any more. */
  locked: boolean;
  /** The track has audio already (a new file replaces it). */
  hasAudio: boolean;
}

export type MatchProblem = 'type' | 'size' | 'name' | 'noTrack' | 'duplicate' | 'locked' | 'empty';

export type FileMatch =
  { kind: 'matched'; trackId: string; isrc: Isrc; replaces: boolean } | { kind: 'unmatched'; problem: MatchProblem; isrc: Isrc | null };

/**
 * Pairs each chosen file with the album's track its name gives, for the preview of 數位媒體批次上傳.
 * Only matched files are sent; the server decides again. A file is not sent when its extension is
 * not mp3/wav/mp4, it is empty or over 500 MB, its name is not an ISRC, no track of the album has
 * that ISRC, the track's audio may not be replaced, or an earlier file already names the track.
 */
export function matchFiles<F extends { name: string; size: number }>(
  files: readonly F[],
  tracks: readonly MatchableTrack[],
): { file: F; match: FileMatch }[] {
  const byIsrc = new Map(tracks.flatMap((track) => (track.isrc === null ? [] : [[track.isrc, track] as const])));
  const claimed = new Set<string>();
  return files.map((file) => {
    const isrc = isrcFromFileName(file.name);
    const unmatched = (problem: MatchProblem) => ({ file, match: { kind: 'unmatched' as const, problem, isrc } });
    if (audioExtension(file.name) === null) {
      return unmatched('type');
    }
    if (file.size === 0) {
      return unmatched('empty');
    }
    if (file.size > MAX_AUDIO_BYTES) {
      return unmatched('size');
    }
    if (isrc === null) {
      return unmatched('name');
    }
    const track = byIsrc.get(isrc);
    if (track === undefined) {
      return unmatched('noTrack');
    }
    if (track.locked) {
      return unmatched('locked');
    }
    if (claimed.has(track.id)) {
      return unmatched('duplicate');
    }
    claimed.add(track.id);
    return { file, match: { kind: 'matched' as const, trackId: track.id, isrc, replaces: track.hasAudio } };
  });
}

/** A problem with a single file chosen for one track, before it is sent (null: send it). */
export function singleFileProblem(file: { name: string; size: number }): Extract<MatchProblem, 'type' | 'size' | 'empty'> | null {
  if (audioExtension(file.name) === null) {
    return 'type';
  }
  if (file.size === 0) {
    return 'empty';
  }
  return file.size > MAX_AUDIO_BYTES ? 'size' : null;
}
