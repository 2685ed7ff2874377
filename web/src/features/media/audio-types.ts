/**
 * The audio of a track and the answer to a finished upload, as the API describes them (GET
 * /albums/:id `tracks[].audio`; the body of the last tus PATCH).
 */

import type { TrackAudio } from '../../../../src/media/track-audio.schemas.js';

export type { TrackAudio };

/** A warning about an accepted file (not a refusal), in the request's language. */
export interface AudioWarning {
  code: string;
  message: string;
}

/** What the server says about one uploaded file once it has been checked. */
export interface UploadOutcome {
  fileName: string;
  status: 'stored' | 'refused';
  trackId?: string;
  isrc?: string;
  code?: string;
  message?: string;
  warnings: AudioWarning[];
}
