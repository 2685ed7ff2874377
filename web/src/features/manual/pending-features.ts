/**
 * Functions of the agency's guide that are not online yet. Until each lands, every place that names
 * it (業者操作手冊, its menu page) marks it 「尚未開放」 and says how to do it today (locale
 * `pending.<feature>`). Remove a feature here when it goes online.
 */
// Every function of the agency's guide is online; a new one waiting to open goes here.
export const PENDING_FEATURES = [] as const satisfies readonly string[];
export type PendingFeature = (typeof PENDING_FEATURES)[number];

/** Items of 業者操作手冊 (`manual.<key>` in the locale files) that send users to a function not online yet. */
export const MANUAL_PENDING: Readonly<Partial<Record<string, PendingFeature>>> = {};

export function isPending(feature: string): feature is PendingFeature {
  return (PENDING_FEATURES as readonly string[]).includes(feature);
}

/** The pending feature an item of the manual sends users to, if any. */
export function manualItemPending(key: string): PendingFeature | undefined {
  return MANUAL_PENDING[key];
}
