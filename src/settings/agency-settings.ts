/**
 * Settings officers change in the product (stored in agency_settings, key → JSON value): their keys,
 * defaults and bounds, defined once. Pure: the service reads rows through `settingsFromStored`, the
 * TypeBox schemas take their bounds from here, and a missing or unreadable value falls back to the
 * default, so a fresh database behaves as the agency's guide says.
 */
import { REGISTRANT_KINDS, type RegistrantKind } from '../shared/enums.js';

export interface AgencySettings {
  /** Copies of a physical release each registrant kind must deposit (送存份數). */
  depositCopies: Readonly<Record<RegistrantKind, number>>;
  /** An approved physical album still not deposited after this many days is overdue (逾期). */
  depositOverdueDays: number;
  /** What the public ISRC search (no login) shows, and how often one client address may ask. */
  publicSearch: Readonly<PublicSearchSettings>;
}

export interface PublicSearchSettings {
  /** The registrant's name beside each recording. */
  showRegistrantName: boolean;
  /** The registrant code as such: IFPI advises agencies not to disclose codes to third parties, so off by default. */
  showRegistrantCode: boolean;
  /** Requests per minute from one client address, counted across every server process. */
  requestsPerMinute: number;
}

export type AgencySettingKey = keyof AgencySettings;
export const AGENCY_SETTING_KEYS = ['depositCopies', 'depositOverdueDays', 'publicSearch'] as const satisfies readonly AgencySettingKey[];

/**
 * The guide's numbers: 1 copy from companies and individuals, 2 from government bodies. Overdue
 * after 30 days: the guide asks for deposit "soon after publication" without a number, and a month
 * leaves time for the post while still flagging forgotten albums within the monthly round.
 */
export const AGENCY_SETTING_DEFAULTS: AgencySettings = {
  depositCopies: { company: 1, individual: 1, government: 2 },
  depositOverdueDays: 30,
  // 60 a minute: a person searching by hand never meets it; a script walking the registry is slowed.
  publicSearch: { showRegistrantName: true, showRegistrantCode: false, requestsPerMinute: 60 },
};

/** Bounds an administrator may set (the deposit_events CHECK allows at most 1000 copies per event). */
export const DEPOSIT_COPIES_BOUNDS = { minimum: 1, maximum: 20 } as const;
export const DEPOSIT_OVERDUE_DAYS_BOUNDS = { minimum: 1, maximum: 365 } as const;
export const PUBLIC_SEARCH_RATE_BOUNDS = { minimum: 1, maximum: 6000 } as const;

function inBounds(value: unknown, bounds: { minimum: number; maximum: number }): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= bounds.minimum && value <= bounds.maximum;
}

function readCopies(value: unknown): AgencySettings['depositCopies'] {
  const fallback = AGENCY_SETTING_DEFAULTS.depositCopies;
  if (typeof value !== 'object' || value === null) {
    return fallback;
  }
  const stored = value as Readonly<Record<string, unknown>>;
  const copies = { ...fallback };
  for (const kind of REGISTRANT_KINDS) {
    const n = stored[kind];
    if (inBounds(n, DEPOSIT_COPIES_BOUNDS)) {
      copies[kind] = n;
    }
  }
  return copies;
}

function readPublicSearch(value: unknown): AgencySettings['publicSearch'] {
  const fallback = AGENCY_SETTING_DEFAULTS.publicSearch;
  if (typeof value !== 'object' || value === null) {
    return fallback;
  }
  const stored = value as Readonly<Record<string, unknown>>;
  const flag = (key: 'showRegistrantName' | 'showRegistrantCode'): boolean => {
    const v = stored[key];
    return typeof v === 'boolean' ? v : fallback[key];
  };
  const rate = stored.requestsPerMinute;
  return {
    showRegistrantName: flag('showRegistrantName'),
    showRegistrantCode: flag('showRegistrantCode'),
    requestsPerMinute: inBounds(rate, PUBLIC_SEARCH_RATE_BOUNDS) ? rate : fallback.requestsPerMinute,
  };
}

/** The settings from stored rows; anything missing or out of bounds reads as its default. */
export function settingsFromStored(rows: readonly { key: string; value: unknown }[]): AgencySettings {
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const overdue = byKey.get('depositOverdueDays');
  return {
    depositCopies: readCopies(byKey.get('depositCopies')),
    depositOverdueDays: inBounds(overdue, DEPOSIT_OVERDUE_DAYS_BOUNDS) ? overdue : AGENCY_SETTING_DEFAULTS.depositOverdueDays,
    publicSearch: readPublicSearch(byKey.get('publicSearch')),
  };
}

/** Copies a registrant of `kind` owes for one physical release. */
export function requiredCopiesFor(settings: AgencySettings, kind: RegistrantKind): number {
  return settings.depositCopies[kind];
}
