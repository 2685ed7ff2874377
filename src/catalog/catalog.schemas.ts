import { Type, type Static } from 'typebox';
import { REGISTRANT_CODE_INPUT_PATTERN } from '../isrc/registrant-code.js';
import { PageQuery, Uuid } from '../shared/common.schemas.js';
import { DEPOSIT_STATUSES, ISRC_SOURCES, REVIEW_STATUSES } from '../shared/enums.js';
import { AlbumCover } from '../media/covers.schemas.js';
import { TrackAudio } from '../media/track-audio.schemas.js';
import { DATE_MAX_YEARS_AHEAD, DATE_UNWARNED_YEARS_AHEAD, FIRST_RECORDING_YEAR } from './formats.js';
import { CREDIT_ROLES, RELEASE_TYPES, VERSION_TYPES, ALBUM_TYPES, WORK_CATEGORIES, MEDIA_FORMS, PUBLICATION_CATEGORIES, codesOf } from './vocabularies.js';

/** Browser-safe: shared by the API (validation, OpenAPI) and the web app (types). */

const oneOf = (codes: readonly string[]) => Type.Enum(codes);

export const ReleaseType = Type.Enum(codesOf(RELEASE_TYPES));
export const ReviewStatus = Type.Enum(REVIEW_STATUSES);
export type ReviewStatus = Static<typeof ReviewStatus>;
export const DepositStatus = Type.Enum(DEPOSIT_STATUSES);
export type DepositStatus = Static<typeof DepositStatus>;

/** A credit's names: each at most this long, at most this many a role (the import applies the same). */
export const CREDIT_NAME_MAX_LENGTH = 200;
/** What separates several names in one credit cell of the .xlsx template: never part of one name. */
export const CREDIT_NAME_SEPARATOR = /[、;；\r\n]/;
export const CREDIT_NAMES_MAX = 50;
export const CreditLine = Type.Object(
  {
    role: oneOf(codesOf(CREDIT_ROLES)),
    names: Type.Array(Type.String({ maxLength: CREDIT_NAME_MAX_LENGTH }), { maxItems: CREDIT_NAMES_MAX }),
  },
  { additionalProperties: false },
);
export type CreditLine = Static<typeof CreditLine>;
export const Credits = Type.Array(CreditLine, { maxItems: 30 });

const nullableText = (maxLength: number, description?: string) => Type.Union([Type.String({ maxLength }), Type.Null()], description === undefined ? {} : { description });

/** The years a date may name, as OpenAPI states them (the rule: src/catalog/formats.ts). */
const DATE_YEARS = `Years ${FIRST_RECORDING_YEAR} (the first sound recording) to the agency's current year + ${DATE_MAX_YEARS_AHEAD} (GET /agency: currentYear); a year outside is refused with VALIDATION_FAILED naming the field. A year after next year (current + ${DATE_UNWARNED_YEARS_AHEAD}) is accepted; the web form warns about it.`;
const nullableCode = (codes: readonly string[]) => Type.Union([oneOf(codes), Type.Null()]);

/** Album fields a registrant edits; every field optional so a draft can be saved at any time. */
export const AlbumFields = Type.Object(
  {
    releaseType: Type.Optional(ReleaseType),
    title: Type.Optional(Type.String({ maxLength: 500 })),
    credits: Type.Optional(Credits),
    publisher: Type.Optional(Type.String({ maxLength: 300 })),
    releaseDate: Type.Optional(nullableText(20, `發行日期: YYYY, YYYY.MM or YYYY.MM.DD (e.g. 2026.03.09; 2026-03-09 and 2026年3月9日 too). ${DATE_YEARS}`)),
    productionCompany: Type.Optional(Type.String({ maxLength: 300 })),
    totalDuration: Type.Optional(nullableText(12)),
    albumType: Type.Optional(nullableCode(codesOf(ALBUM_TYPES))),
    workCategory: Type.Optional(nullableCode(codesOf(WORK_CATEGORIES))),
    mediaForm: Type.Optional(nullableCode(codesOf(MEDIA_FORMS))),
    publicationCategory: Type.Optional(nullableCode(codesOf(PUBLICATION_CATEGORIES))),
    introduction: Type.Optional(Type.String({ maxLength: 5000 })),
    retroactive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AlbumFields = Static<typeof AlbumFields>;

export const CreateAlbumBody = Type.Object({ releaseType: ReleaseType, registrantId: Type.Optional(Uuid) }, { additionalProperties: false });
export type CreateAlbumBody = Static<typeof CreateAlbumBody>;

export const RecordingFields = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 500 })),
    storyTitle: Type.Optional(Type.String({ maxLength: 500 })),
    episode: Type.Optional(Type.String({ maxLength: 500 })),
    theme: Type.Optional(Type.String({ maxLength: 500 })),
    playTitle: Type.Optional(Type.String({ maxLength: 500 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    credits: Type.Optional(Credits),
    productionCompany: Type.Optional(Type.String({ maxLength: 300 })),
    duration: Type.Optional(nullableText(12)),
    recordingDate: Type.Optional(nullableText(12, `錄製日期: YYYY or YYYY.MM (e.g. 2025.09). ${DATE_YEARS}`)),
    aiAssisted: Type.Optional(Type.Boolean()),
    producedAbroad: Type.Optional(Type.Boolean()),
    versionType: Type.Optional(nullableCode(codesOf(VERSION_TYPES))),
    versionOfIsrc: Type.Optional(nullableText(40)),
  },
  { additionalProperties: false },
);
export type RecordingFields = Static<typeof RecordingFields>;

/**
 * How the new track gets its ISRC: `own` a code the company typed, `next` the next available
 * code, `foreign` an existing ISRC of a recording produced abroad, `none` decide later (for
 * individuals the pool code is assigned on submission).
 */
export const IsrcChoice = Type.Union([
  Type.Object({ mode: Type.Literal('none') }, { additionalProperties: false }),
  Type.Object({ mode: Type.Literal('next'), registrantCode: Type.Optional(Type.String({ pattern: REGISTRANT_CODE_INPUT_PATTERN })) }, { additionalProperties: false }),
  Type.Object(
    {
      mode: Type.Literal('own'),
      isrc: Type.String({ minLength: 1, maxLength: 40 }),
      confirmJump: Type.Optional(Type.Boolean({ description: 'Use the code even though it skips more than 100 unused designation codes past next available (after ISRC_JUMP_UNCONFIRMED)' })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ mode: Type.Literal('foreign'), isrc: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
]);
export type IsrcChoice = Static<typeof IsrcChoice>;

export const AddTrackBody = Type.Object({ isrc: Type.Optional(IsrcChoice), recording: Type.Optional(RecordingFields) }, { additionalProperties: false });
export type AddTrackBody = Static<typeof AddTrackBody>;

export const CiteTrackBody = Type.Object({ recordingId: Uuid }, { additionalProperties: false });
export type CiteTrackBody = Static<typeof CiteTrackBody>;

export const SetIsrcBody = Type.Object({ isrc: IsrcChoice }, { additionalProperties: false });
export type SetIsrcBody = Static<typeof SetIsrcBody>;

export const TrackParams = Type.Object({ id: Uuid, trackId: Uuid }, { additionalProperties: false });
export type TrackParams = Static<typeof TrackParams>;

export const Problem = Type.Object({
  scope: Type.Enum(['album', 'track']),
  trackId: Type.Optional(Uuid),
  position: Type.Optional(Type.Integer()),
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
export type Problem = Static<typeof Problem>;

export const RecordingResponse = Type.Object({
  id: Uuid,
  registrantId: Uuid,
  isrc: Type.Union([Type.String(), Type.Null()]),
  isrcDisplay: Type.Union([Type.String(), Type.Null()]),
  isrcSource: Type.Union([Type.Enum(ISRC_SOURCES), Type.Null()]),
  title: Type.String(),
  storyTitle: Type.String(),
  episode: Type.String(),
  theme: Type.String(),
  playTitle: Type.String(),
  description: Type.String(),
  credits: Credits,
  productionCompany: Type.String(),
  duration: Type.Union([Type.String(), Type.Null()]),
  durationSeconds: Type.Union([Type.Integer(), Type.Null()]),
  recordingDate: Type.Union([Type.String(), Type.Null()]),
  aiAssisted: Type.Boolean(),
  producedAbroad: Type.Boolean(),
  versionType: Type.Union([Type.String(), Type.Null()]),
  versionOfIsrc: Type.Union([Type.String(), Type.Null()]),
  approved: Type.Boolean(),
});
export type RecordingResponse = Static<typeof RecordingResponse>;

export const TrackResponse = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  cited: Type.Boolean(),
  /** 完成: every required field of the track is filled and valid. */
  done: Type.Boolean(),
  recording: RecordingResponse,
});
export type TrackResponse = Static<typeof TrackResponse>;

/** A track in the album response: the track with its audio (錄音 / 音樂性錄影). */
export const AlbumTrackResponse = Type.Object({
  ...TrackResponse.properties,
  /** The uploaded audio file, or null when there is none yet. */
  audio: Type.Union([TrackAudio, Type.Null()]),
  /** An upload to this track would be accepted now: a first file, or replacing (and deleting) the one it has. */
  audioReplaceable: Type.Boolean(),
});
export type AlbumTrackResponse = Static<typeof AlbumTrackResponse>;

export const AlbumResponse = Type.Object({
  id: Uuid,
  albumNumber: Type.Integer(),
  registrantId: Uuid,
  releaseType: ReleaseType,
  title: Type.String(),
  credits: Credits,
  publisher: Type.String(),
  releaseDate: Type.Union([Type.String(), Type.Null()]),
  productionCompany: Type.String(),
  totalDuration: Type.Union([Type.String(), Type.Null()]),
  /** The entered total, or the sum of the tracks. */
  effectiveDuration: Type.Union([Type.String(), Type.Null()]),
  albumType: Type.Union([Type.String(), Type.Null()]),
  workCategory: Type.Union([Type.String(), Type.Null()]),
  mediaForm: Type.Union([Type.String(), Type.Null()]),
  publicationCategory: Type.Union([Type.String(), Type.Null()]),
  introduction: Type.String(),
  retroactive: Type.Boolean(),
  status: ReviewStatus,
  returnReason: Type.Union([Type.String(), Type.Null()]),
  /** 退回: the officer's reasons for single tracks (latest return; present while the album is returned). */
  returnTrackReasons: Type.Optional(Type.Array(Type.Object({ trackId: Uuid, recordingId: Uuid, reason: Type.String() }))),
  depositStatus: DepositStatus,
  editable: Type.Boolean(),
  /** ISRCs of individuals' tracks are assigned from the agency pool on submission. */
  isrcAssignedOnSubmission: Type.Boolean(),
  submittedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  tracks: Type.Array(AlbumTrackResponse),
  /** The album takes audio uploads (not once its audio is deposited); single tracks may still be locked (audioReplaceable). */
  audioUploadAllowed: Type.Boolean(),
  /** 專輯封面, or null when none is uploaded. */
  cover: Type.Union([AlbumCover, Type.Null()]),
});
export type AlbumResponse = Static<typeof AlbumResponse>;

export const AlbumSummary = Type.Object({
  id: Uuid,
  albumNumber: Type.Integer(),
  registrantId: Uuid,
  registrantName: Type.String(),
  releaseType: ReleaseType,
  title: Type.String(),
  artist: Type.String(),
  status: ReviewStatus,
  /** 退回: the officer's reason, present while the album is returned (shown in 待辦事項). */
  returnReason: Type.Optional(Type.String()),
  depositStatus: DepositStatus,
  trackCount: Type.Integer(),
  /** The cover's thumbnail (GET it with the session), or null when the album has no cover. */
  coverThumbnailUrl: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  submittedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type AlbumSummary = Static<typeof AlbumSummary>;

export const ALBUM_VIEWS = ['todo', 'all', 'review'] as const;
export type AlbumView = (typeof ALBUM_VIEWS)[number];
export const ALBUM_SORTS = ['albumNumber', 'title', 'createdAt', 'updatedAt', 'submittedAt'] as const;
export type AlbumSort = (typeof ALBUM_SORTS)[number];

export const AlbumListQuery = Type.Object(
  {
    ...PageQuery,
    view: Type.Optional(Type.Enum(ALBUM_VIEWS)),
    sort: Type.Optional(Type.Enum(ALBUM_SORTS)),
    order: Type.Optional(Type.Enum(['asc', 'desc'])),
    registrantId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type AlbumListQuery = Static<typeof AlbumListQuery>;
export const AlbumPage = Type.Object({
  items: Type.Array(AlbumSummary),
  /** Counted up to 1,000 (50 for a title / artist search); `totalCapped` says there are more. */
  total: Type.Integer({ description: 'Matches, counted up to 1,000 (up to 50 for a title or artist search)' }),
  totalCapped: Type.Boolean({ description: 'More matches than `total`: show "more than <total>"; later pages are still served' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type AlbumPage = Static<typeof AlbumPage>;

export const SubmitResponse = Type.Object({ album: AlbumResponse });

export const CitableQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type CitableQuery = Static<typeof CitableQuery>;
export const CitableRecording = Type.Object({
  id: Uuid,
  isrc: Type.String(),
  isrcDisplay: Type.String(),
  title: Type.String(),
  artist: Type.String(),
  own: Type.Boolean(),
  /** How the recording got its ISRC: `foreign` is a recording made abroad, reported with its own code. */
  isrcSource: Type.Union([Type.Enum(ISRC_SOURCES), Type.Null()]),
});
export type CitableRecording = Static<typeof CitableRecording>;
export const CitableList = Type.Array(CitableRecording);

const Term = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() });
/** The controlled vocabularies with zh-TW and English labels (GET /vocabularies). */
export const VocabulariesResponse = Type.Object({
  creditRoles: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), goldenMelodyRequired: Type.Boolean() })),
  releaseTypes: Type.Array(Term),
  albumTypes: Type.Array(Term),
  workCategories: Type.Array(Term),
  mediaForms: Type.Array(Term),
  publicationCategories: Type.Array(Term),
  versionTypes: Type.Array(Term),
});
