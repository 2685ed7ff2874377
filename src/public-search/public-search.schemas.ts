import { Type, type Static } from 'typebox';

/** Browser-safe: shared by the API (validation, OpenAPI) and the public search page (types). */

/** Each search is counted up to this many matches; past it the answer asks to narrow the search. */
export const PUBLIC_SEARCH_COUNT_CAP = 100;
export const PUBLIC_SEARCH_PAGE_SIZE = 10;
export const PUBLIC_SEARCH_MAX_PAGE = PUBLIC_SEARCH_COUNT_CAP / PUBLIC_SEARCH_PAGE_SIZE;
/** Words shorter than this match too much to be worth a search (and no trigram index helps them). */
export const PUBLIC_SEARCH_MIN_TEXT = 2;

/** IFPI's own search across every national agency: where an ISRC of another country is looked up. */
export const IFPI_ISRC_SEARCH_URL = 'https://isrcsearch.ifpi.org/';

export const PUBLIC_SEARCH_READINGS = ['isrc', 'text'] as const;

export const PublicSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100, description: 'An ISRC in any spelling (TW-A01-26-00001, twa012600001, …) or words of a title or performer' }),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: PUBLIC_SEARCH_MAX_PAGE, default: 1, description: `Page, 1 to ${PUBLIC_SEARCH_MAX_PAGE}` })),
  },
  { additionalProperties: false },
);
export type PublicSearchQuery = Static<typeof PublicSearchQuery>;

export const PublicAlbum = Type.Object({
  title: Type.String(),
  publisher: Type.String({ description: 'Label / publisher (發行公司)' }),
});
export type PublicAlbum = Static<typeof PublicAlbum>;

/** Public metadata of one approved recording: nothing about contacts, users or the review. */
export const PublicRecording = Type.Object({
  isrc: Type.String({ description: 'Compact form' }),
  title: Type.String(),
  performers: Type.String(),
  durationSeconds: Type.Union([Type.Integer(), Type.Null()]),
  yearOfReference: Type.Integer({
    description: 'The year the ISRC was assigned (its two year digits), not the year the recording was made or released',
  }),
  albums: Type.Array(PublicAlbum, { description: 'Up to three approved albums holding the recording' }),
  registrantName: Type.Optional(Type.String({ description: 'Only when the agency shows registrant names' })),
  registrantCode: Type.Optional(Type.String({ description: 'Only when the agency shows registrant codes (off by default, as IFPI advises)' })),
});
export type PublicRecording = Static<typeof PublicRecording>;

export const PublicSearchResponse = Type.Object({
  q: Type.String(),
  reading: Type.Enum(PUBLIC_SEARCH_READINGS, { description: 'How the query was read' }),
  isrc: Type.Optional(Type.String({ description: 'The ISRC looked up (compact form), when the query was read as one' })),
  foreign: Type.Optional(
    Type.Object(
      { countryCode: Type.String(), ifpiSearchUrl: Type.String() },
      { description: "The ISRC's country prefix is not this agency's: its registry is elsewhere (IFPI's ISRC Search)" },
    ),
  ),
  tooShort: Type.Boolean({ description: `Text shorter than ${PUBLIC_SEARCH_MIN_TEXT} characters is not searched` }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer({ description: `Matches, counted up to ${PUBLIC_SEARCH_COUNT_CAP}` }),
  totalCapped: Type.Boolean({ description: `More than ${PUBLIC_SEARCH_COUNT_CAP} matches: narrow the search` }),
  items: Type.Array(PublicRecording),
});
export type PublicSearchResponse = Static<typeof PublicSearchResponse>;
