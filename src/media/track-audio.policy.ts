import type { AudioContainer, ReviewStatus } from '../shared/enums.js';

/**
 * Pure rules for a track's audio. Audio may be uploaded while the album is a draft, returned or
 * with the agency, and after approval for a track that has none yet (the deposit follows
 * approval); an approved album's file is never replaced or removed by the registrant, and once
 * the album's audio is deposited (影音檔送存) nothing changes.
 */

export interface AudioState {
  status: ReviewStatus;
  /** The album's audio deposit exists. */
  deposited: boolean;
}

export type AudioRefusalCode = 'AUDIO_DEPOSITED' | 'AUDIO_LOCKED';

/** Why the track's audio cannot be uploaded (`hasAudio`: replaced) or deleted now; undefined when it can. */
export function audioChangeRefusal(state: AudioState, hasAudio: boolean, change: 'upload' | 'delete'): AudioRefusalCode | undefined {
  if (state.deposited) {
    return 'AUDIO_DEPOSITED';
  }
  const replacing = change === 'delete' || hasAudio;
  return state.status === 'approved' && replacing ? 'AUDIO_LOCKED' : undefined;
}

/** The album takes audio uploads at all (some track may still be locked). */
export function audioUploadAllowed(state: AudioState): boolean {
  return !state.deposited;
}

/** `.mp3`, `.wav` or `.mp4` at the end of a name (any case); the per-track upload needs no ISRC in it. */
export function audioExtensionOf(fileName: string): AudioContainer | undefined {
  // NFKC as for batch names (audio-file-name.ts): `母帶．ＷＡＶ` typed with a Chinese IME ends in .wav.
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName.normalize('NFKC').trim());
  const extension = match?.[1]?.toLowerCase();
  return extension === 'mp3' || extension === 'wav' || extension === 'mp4' ? extension : undefined;
}

/** `TWA122600001.mp3`: the name a download gets; a track without an ISRC yet is named by its position. */
export function downloadName(isrc: string | null, position: number, container: AudioContainer): string {
  return `${isrc ?? `track-${position}`}.${container}`;
}
