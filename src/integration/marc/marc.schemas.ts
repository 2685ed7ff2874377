import { Type, type Static } from 'typebox';
import { CalendarDay } from '../../shared/common.schemas.js';

/** Browser-safe: the MARC 21 export's query strings (the web app imports the types). */

export const MARC_FORMATS = ['xml', 'mrc'] as const;
export type MarcFormat = (typeof MARC_FORMATS)[number];

/** The most albums one range export holds; a wider range is refused (MARC_RANGE_TOO_LARGE), never cut short silently. */
export const MARC_RANGE_MAX_ALBUMS = 1000;

const Format = Type.Optional(
  Type.Union(
    MARC_FORMATS.map((f) => Type.Literal(f)),
    { default: 'xml', description: '`xml`: MARCXML (application/marcxml+xml); `mrc`: ISO 2709 (application/marc). UTF-8 either way.' },
  ),
);

export const MarcAlbumQuery = Type.Object({ format: Format }, { additionalProperties: false });
export type MarcAlbumQuery = Static<typeof MarcAlbumQuery>;

/** YYYY-MM-DD, a day in the agency's calendar (ISRC_TIME_ZONE). */
const AgencyDay = CalendarDay;

export const MarcRangeQuery = Type.Object(
  {
    from: AgencyDay('First day of approval, inclusive, in the agency calendar'),
    to: AgencyDay('Last day of approval, inclusive, in the agency calendar'),
    format: Format,
  },
  { additionalProperties: false },
);
export type MarcRangeQuery = Static<typeof MarcRangeQuery>;
