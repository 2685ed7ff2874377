import type { ServiceContext } from '../db/context.js';
import { fullYearOf, isIsrc, normaliseIsrc, parseIsrcParts, type Isrc } from '../isrc/index.js';
import { loadAgencySettings } from '../settings/agency-settings.service.js';
import type { PublicSearchSettings } from '../settings/agency-settings.js';
import { approvedAlbumsHolding, approvedRecordingIds, approvedRecordingPage, type PublicScope } from './public-search.repo.js';
import {
  IFPI_ISRC_SEARCH_URL,
  PUBLIC_SEARCH_COUNT_CAP,
  PUBLIC_SEARCH_MIN_TEXT,
  PUBLIC_SEARCH_PAGE_SIZE,
  type PublicRecording,
  type PublicSearchQuery,
  type PublicSearchResponse,
} from './public-search.schemas.js';

/** Albums shown under each recording. */
const ALBUMS_PER_RECORDING = 3;

type Row = Awaited<ReturnType<typeof approvedRecordingPage>>[number];

/** Only the fields the agency has made public; the year of reference comes from the ISRC itself. */
function publicRecording(row: Row, isrc: Isrc, albums: PublicRecording['albums'], shown: PublicSearchSettings): PublicRecording {
  const parts = parseIsrcParts(isrc);
  return {
    isrc,
    title: row.title,
    performers: row.performers,
    durationSeconds: row.durationSeconds,
    yearOfReference: fullYearOf(parts.yearOfReference),
    albums,
    ...(shown.showRegistrantName ? { registrantName: row.registrantName } : {}),
    ...(shown.showRegistrantCode ? { registrantCode: parts.registrantCode } : {}),
  };
}

/**
 * At most PUBLIC_SEARCH_COUNT_CAP + 1 ids first (bounded work however large the registry grows);
 * past the cap the matches are dense and a page is read straight off the ISRC index.
 */
async function cappedPage(ctx: ServiceContext, scope: PublicScope, offset: number) {
  const found = await approvedRecordingIds(ctx.db, scope, PUBLIC_SEARCH_COUNT_CAP + 1);
  const totalCapped = found.length > PUBLIC_SEARCH_COUNT_CAP;
  const total = Math.min(found.length, PUBLIC_SEARCH_COUNT_CAP);
  if (offset >= total) {
    return { rows: [], total, totalCapped };
  }
  const rows = await approvedRecordingPage(ctx.db, totalCapped ? scope : { ids: found }, { offset, limit: PUBLIC_SEARCH_PAGE_SIZE });
  return { rows, total, totalCapped };
}

/**
 * 公開 ISRC 查詢 (no login): an ISRC in any spelling the core accepts, or words of a title or
 * performer. Only approved recordings and approved albums, with the public fields the agency's
 * settings allow. An ISRC under another country's prefix belongs to another agency's registry:
 * the answer says so and points to IFPI's ISRC Search.
 */
export async function searchPublic(ctx: ServiceContext, query: PublicSearchQuery): Promise<PublicSearchResponse> {
  const page = query.page ?? 1;
  const offset = (page - 1) * PUBLIC_SEARCH_PAGE_SIZE;
  const text = query.q.normalize('NFC').trim();
  const isrc = normaliseIsrc(text);
  const base = { q: query.q, page, pageSize: PUBLIC_SEARCH_PAGE_SIZE };
  if (!isrc.ok && Array.from(text).length < PUBLIC_SEARCH_MIN_TEXT) {
    return { ...base, reading: 'text', tooShort: true, total: 0, totalCapped: false, items: [] };
  }
  const scope: PublicScope = isrc.ok ? { isrc: isrc.value } : { text };
  const [settings, found] = await Promise.all([loadAgencySettings(ctx), cappedPage(ctx, scope, offset)]);
  const holding = await approvedAlbumsHolding(
    ctx.db,
    found.rows.map((r) => r.id),
    ALBUMS_PER_RECORDING,
  );
  const items: PublicRecording[] = [];
  for (const row of found.rows) {
    // Approved recordings always hold an ISRC (the query asks for one); the guard gives its type.
    if (row.isrc !== null && isIsrc(row.isrc)) {
      const albums = holding.filter((a) => a.recordingId === row.id).map(({ title, publisher }) => ({ title, publisher }));
      items.push(publicRecording(row, row.isrc, albums, settings.publicSearch));
    }
  }
  const country = isrc.ok ? parseIsrcParts(isrc.value).countryCode : undefined;
  return {
    ...base,
    reading: isrc.ok ? 'isrc' : 'text',
    ...(isrc.ok ? { isrc: isrc.value } : {}),
    ...(country !== undefined && country !== ctx.countryCode ? { foreign: { countryCode: country, ifpiSearchUrl: IFPI_ISRC_SEARCH_URL } } : {}),
    tooShort: false,
    total: found.total,
    totalCapped: found.totalCapped,
    items,
  };
}
