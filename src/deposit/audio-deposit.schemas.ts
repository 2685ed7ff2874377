import { Type, type Static } from 'typebox';
import { AUDIO_CONTAINERS } from '../shared/enums.js';
import { MAX_PAGE, MAX_PAGE_SIZE, PageOf } from '../shared/common.schemas.js';

/** Browser-safe (types): 影音檔送存, the audio deposit of a digital album, and its BagIt download. */

export const AudioTechnicalResponse = Type.Object({
  codec: Type.String(),
  sampleRate: Type.Union([Type.Integer(), Type.Null()]),
  channels: Type.Union([Type.Integer(), Type.Null()]),
  bitRate: Type.Union([Type.Integer(), Type.Null()]),
  durationMs: Type.Integer(),
});

/** One deposited file, frozen as it was deposited: checksum, size and technical data. */
export const AudioDepositFileResponse = Type.Object({
  position: Type.Integer({ minimum: 1 }),
  isrc: Type.String({ description: 'Compact ISRC (TWA012600001)' }),
  isrcDisplay: Type.String({ description: 'Display form (TW-A01-26-00001)' }),
  title: Type.String(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  size: Type.Integer({ minimum: 0 }),
  container: Type.Enum(AUDIO_CONTAINERS),
  technical: AudioTechnicalResponse,
});
export type AudioDepositFileResponse = Static<typeof AudioDepositFileResponse>;

export const AudioDepositResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  albumId: Type.String({ format: 'uuid' }),
  albumNumber: Type.Integer(),
  depositedAt: Type.String({ format: 'date-time' }),
  /** The agency's calendar day of the deposit. */
  depositedOn: Type.String(),
  depositedBy: Type.Union([Type.String(), Type.Null()], { description: 'Display name of the member who deposited' }),
  totalBytes: Type.Integer(),
  files: Type.Array(AudioDepositFileResponse),
});
export type AudioDepositResponse = Static<typeof AudioDepositResponse>;

/** One deposit on the agency's deposit desk, newest first, with its bag link. */
export const AudioDepositListItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  albumId: Type.String({ format: 'uuid' }),
  albumNumber: Type.Integer(),
  title: Type.String(),
  registrantId: Type.String({ format: 'uuid' }),
  registrantName: Type.String(),
  depositedAt: Type.String({ format: 'date-time' }),
  depositedOn: Type.String(),
  fileCount: Type.Integer(),
  totalBytes: Type.Integer(),
  bagUrl: Type.String({ description: 'Where the BagIt bag (zip) of this deposit is downloaded' }),
});
export type AudioDepositListItem = Static<typeof AudioDepositListItem>;

export const AudioDepositPage = PageOf(AudioDepositListItem);
export type AudioDepositPage = Static<typeof AudioDepositPage>;

export const AudioDepositListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 10 })),
  },
  { additionalProperties: false },
);
export type AudioDepositListQuery = Static<typeof AudioDepositListQuery>;

export const DepositIdParams = Type.Object({ depositId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export type DepositIdParams = Static<typeof DepositIdParams>;
