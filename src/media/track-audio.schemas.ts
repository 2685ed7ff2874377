import { Type, type Static } from 'typebox';
import { AUDIO_CONTAINERS } from '../shared/enums.js';

/** Browser-safe: the audio upload rules the web checks before it uploads, and the API's shapes. */

/** The largest audio file accepted: 500 MB, enforced while the upload streams (the byte past it is never written). */
export const MAX_AUDIO_BYTES = 500 * 1024 * 1024;
/** For the file picker only; the server decides the type by the content (and it must agree with the name). */
export const AUDIO_ACCEPT = '.mp3,.wav,.mp4';
/** How many files one 數位媒體批次上傳 request may carry. */
export const MAX_BATCH_FILES = 200;
/** Where resumable (tus) uploads are created; `Upload-Metadata`: `albumId`, `filename`, optional `trackId`. */
export const TUS_UPLOADS_PATH = '/api/v1/uploads';

/** A warning about an accepted file (not a refusal); `message` is in the request's language. */
export const AudioWarning = Type.Object({
  code: Type.String({ description: '`duration-mismatch` or `isrc-tag-mismatch`' }),
  message: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { description: 'The values the message names' }),
});
export type AudioWarning = Static<typeof AudioWarning>;

export const AudioTechnical = Type.Object({
  codec: Type.String(),
  sampleRate: Type.Union([Type.Integer(), Type.Null()]),
  channels: Type.Union([Type.Integer(), Type.Null()]),
  bitRate: Type.Union([Type.Integer(), Type.Null()]),
  durationMs: Type.Integer(),
});

/** A track's audio (錄音 / 音樂性錄影) as the API shows it. */
export const TrackAudio = Type.Object({
  fileName: Type.String({ description: 'The name the file had on the uploader’s machine (shown only)' }),
  container: Type.Enum(AUDIO_CONTAINERS),
  contentType: Type.String({ description: 'Decided by the content' }),
  size: Type.Integer({ description: 'Bytes' }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  technical: AudioTechnical,
  tagIsrcs: Type.Array(Type.String(), { description: 'ISRCs found in the file’s tags' }),
  warnings: Type.Array(AudioWarning),
  uploadedAt: Type.String({ format: 'date-time' }),
  url: Type.String({ description: 'Playback and download (same session; HTTP Range supported)' }),
});
export type TrackAudio = Static<typeof TrackAudio>;

/** One file of a batch (or one finished resumable upload): stored, or refused by name with the reason. */
export const AudioUploadResult = Type.Object({
  fileName: Type.String(),
  status: Type.Enum(['stored', 'refused']),
  trackId: Type.Optional(Type.String({ format: 'uuid' })),
  isrc: Type.Optional(Type.String()),
  code: Type.Optional(Type.String({ description: 'Why it was refused (an error code)' })),
  message: Type.Optional(Type.String()),
  warnings: Type.Array(AudioWarning),
});
export type AudioUploadResult = Static<typeof AudioUploadResult>;

export const AudioBatchResponse = Type.Object({
  results: Type.Array(AudioUploadResult, { description: 'Every file read, in order: stored (kept) or refused (not kept)' }),
  error: Type.Optional(
    Type.Object(
      {
        code: Type.String({ description: `Why the request broke off, e.g. \`AUDIO_BATCH_TOO_MANY_FILES\` (more than ${MAX_BATCH_FILES} files) or \`MALFORMED_REQUEST\`` }),
        message: Type.String(),
        details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      },
      { description: 'Present when the request broke off after some files: those in `results` stay as they say; no file after them was read or stored' },
    ),
  ),
});
export type AudioBatchResponse = Static<typeof AudioBatchResponse>;

export const UploadParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{32}$' }) }, { additionalProperties: false });
