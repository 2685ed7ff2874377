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
}

export type AgencySettingKey = keyof AgencySettings;
export const AGENCY_SETTING_KEYS = ['depositCopies', 'depositOverdueDays'] as const satisfies readonly AgencySettingKey[];

/**
 * The guide's numbers: 1 copy from companies and individuals, 2 from government bodies. Overdue
 * after 30 days: the guide asks for deposit "soon after publication" without a number, and a month
 * leaves time for the post while still flagging forgotten albums within the monthly round.
 */
export const AGENCY_SETTING_DEFAULTS: AgencySettings = {
  depositCopies: { company: 1, individual: 1, government: 2 },
  depositOverdueDays: 30,
};

/** Bounds an administrator may set (the deposit_events CHECK allows at most 1000 copies per event). */
export const DEPOSIT_COPIES_BOUNDS = { minimum: 1, maximum: 20 } as const;
export const DEPOSIT_OVERDUE_DAYS_BOUNDS = { minimum: 1, maximum: 365 } as const;

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

/** The settings from stored rows; anything missing or out of bounds reads as its default. */
export function settingsFromStored(rows: readonly { key: string; value: unknown }[]): AgencySettings {
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const overdue = byKey.get('depositOverdueDays');
  return {
    depositCopies: readCopies(byKey.get('depositCopies')),
    depositOverdueDays: inBounds(overdue, DEPOSIT_OVERDUE_DAYS_BOUNDS) ? overdue : AGENCY_SETTING_DEFAULTS.depositOverdueDays,
  };
}

/** Copies a registrant of `kind` owes for one physical release. */
export function requiredCopiesFor(settings: AgencySettings, kind: RegistrantKind): number {
  return settings.depositCopies[kind];
}
