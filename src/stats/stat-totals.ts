/**
 * Adds the rows of `statRows` up into the views of 年度回報量統計表: the year by month, by release
 * type, by registrant kind and by registrant. Pure.
 */
import { REGISTRANT_KINDS, type RegistrantKind } from '../shared/enums.js';
import type { StatRow } from './stats.repo.js';
import type { MonthCounts, StatCounts, StatsResponse } from './stats.schemas.js';

export const RELEASE_TYPE_CODES = ['digital', 'physical'] as const;

export function emptyCounts(): StatCounts {
  return {
    albumsReported: 0,
    albumsApproved: 0,
    albumsReturned: 0,
    albumsDeposited: 0,
    recordingsReported: 0,
    recordingsApproved: 0,
    recordingsReturned: 0,
    recordingsDeposited: 0,
  };
}

const ALBUM_FIELD = { reported: 'albumsReported', approved: 'albumsApproved', returned: 'albumsReturned', deposited: 'albumsDeposited' } as const;
const RECORDING_FIELD = { reported: 'recordingsReported', approved: 'recordingsApproved', returned: 'recordingsReturned', deposited: 'recordingsDeposited' } as const;

function add(into: StatCounts, row: StatRow): void {
  into[ALBUM_FIELD[row.event]] += row.albums;
  into[RECORDING_FIELD[row.event]] += row.recordings;
}

interface Series {
  months: MonthCounts[];
  total: StatCounts;
}

function seriesOf(rows: readonly StatRow[]): Series {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...emptyCounts() }));
  const total = emptyCounts();
  for (const row of rows) {
    const month = months[row.month - 1];
    if (month === undefined) {
      throw new RangeError(`month ${row.month} out of range`);
    }
    add(month, row);
    add(total, row);
  }
  return { months, total };
}

/** Every view of the year from the counted rows; `withRegistrants` adds the per-registrant list (agency only). */
export function statsViews(rows: readonly StatRow[], withRegistrants: boolean): Omit<StatsResponse, 'year' | 'timeZone' | 'registrantId'> {
  const byRegistrant = new Map<string, { registrantId: string; name: string; kind: RegistrantKind; total: StatCounts }>();
  if (withRegistrants) {
    for (const row of rows) {
      const entry = byRegistrant.get(row.registrantId) ?? { registrantId: row.registrantId, name: row.registrantName, kind: row.registrantKind, total: emptyCounts() };
      add(entry.total, row);
      byRegistrant.set(row.registrantId, entry);
    }
  }
  return {
    ...seriesOf(rows),
    byReleaseType: RELEASE_TYPE_CODES.map((releaseType) => ({ releaseType, ...seriesOf(rows.filter((r) => r.releaseType === releaseType)) })),
    byRegistrantKind: REGISTRANT_KINDS.map((kind) => ({ kind, ...seriesOf(rows.filter((r) => r.registrantKind === kind)) })),
    byRegistrant: [...byRegistrant.values()].sort((a, b) => b.total.albumsReported - a.total.albumsReported || a.name.localeCompare(b.name, 'zh-Hant')),
  };
}
