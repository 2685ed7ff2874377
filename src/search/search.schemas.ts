import { Type, type Static } from 'typebox';
import { ACTIVE_STATUSES, REGISTRANT_KINDS, REVIEW_STATUSES } from '../shared/enums.js';

/** Browser-safe: shared by the API (validation, OpenAPI) and the web app (types). */

/**
 * Each group is counted up to this many matches; past it the group says "more than 100" and asks
 * to narrow the search. Counting every match of a common word over a million recordings is what
 * made searching slow as the registry grew; proving "more than 100" reads a bounded number of rows.
 */
export const SEARCH_COUNT_CAP = 100;
export const SEARCH_PAGE_SIZE = 10;
/** Pages of one group that can be reached: the counted matches, 10 a page. */
export const SEARCH_MAX_PAGE = SEARCH_COUNT_CAP / SEARCH_PAGE_SIZE;

export const SEARCH_GROUPS = ['recordings', 'albums', 'registrants'] as const;
export type SearchGroupName = (typeof SEARCH_GROUPS)[number];

export const SEARCH_READINGS = ['isrc', 'albumNumber', 'registrantCode', 'text'] as const;

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'An ISRC (any spelling), an album number, a registrant code, or words of a title, performer or registrant name' }),
    kind: Type.Optional(Type.Enum(SEARCH_GROUPS, { description: 'Only this group, to page through it; omitted: the first page of every group' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: SEARCH_MAX_PAGE, default: 1, description: `Page of the group(s), 1 to ${SEARCH_MAX_PAGE}` })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const AlbumRef = Type.Object({ id: Type.String(), albumNumber: Type.Integer(), title: Type.String() });

export const SearchRecording = Type.Object({
  id: Type.String(),
  isrc: Type.Union([Type.String(), Type.Null()], { description: 'Compact form; null while a draft waits for its pool code' }),
  title: Type.String(),
  artistText: Type.String(),
  registrantId: Type.String(),
  registrantName: Type.String(),
  albums: Type.Array(AlbumRef, { description: 'Up to three albums holding the recording (its page is the album’s)' }),
});
export type SearchRecording = Static<typeof SearchRecording>;

export const SearchAlbum = Type.Object({
  id: Type.String(),
  albumNumber: Type.Integer(),
  title: Type.String(),
  artistText: Type.String(),
  status: Type.Enum(REVIEW_STATUSES),
  registrantId: Type.String(),
  registrantName: Type.String(),
});
export type SearchAlbum = Static<typeof SearchAlbum>;

export const SearchRegistrant = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Enum(REGISTRANT_KINDS),
  status: Type.Enum(ACTIVE_STATUSES),
  codes: Type.Array(Type.String(), { description: 'Registrant codes (three characters)' }),
});
export type SearchRegistrant = Static<typeof SearchRegistrant>;

const Group = <T extends typeof SearchRecording | typeof SearchAlbum | typeof SearchRegistrant>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: `Matches, counted up to ${SEARCH_COUNT_CAP}` }),
    totalCapped: Type.Boolean({ description: `More than ${SEARCH_COUNT_CAP} matches: narrow the search` }),
  });

export const SearchResponse = Type.Object({
  q: Type.String(),
  reading: Type.Enum(SEARCH_READINGS, { description: 'How the query was read' }),
  isrc: Type.Optional(Type.String({ description: 'The ISRC searched for (compact form) when the query was read as one' })),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  recordings: Type.Optional(Group(SearchRecording)),
  albums: Type.Optional(Group(SearchAlbum)),
  registrants: Type.Optional(Group(SearchRegistrant)),
});
export type SearchResponse = Static<typeof SearchResponse>;

export interface SearchGroup<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
}
