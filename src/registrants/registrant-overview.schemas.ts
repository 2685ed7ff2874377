import { Type, type Static } from 'typebox';
import { DEPOSIT_STATUSES, REVIEW_STATUSES } from '../shared/enums.js';

/** Browser-safe: what the agency sees at a glance on a registrant's page. */

const countsOf = <T extends readonly string[]>(keys: T) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer({ minimum: 0 })])) as Record<T[number], ReturnType<typeof Type.Integer>>);

export const RegistrantOverview = Type.Object({
  /** Albums by review status (草稿, 審核中, 已通過, 已退回). */
  albumsByStatus: countsOf(REVIEW_STATUSES),
  /** Approved albums by deposit status (未送存, 部分送存, 已送存). */
  depositByStatus: countsOf(DEPOSIT_STATUSES),
  /** Registered (approved) recordings per year of reference, read from their ISRCs; newest year first. */
  recordingsByYear: Type.Array(Type.Object({ year: Type.Integer(), recordings: Type.Integer() })),
  /** ISRCs handed out to the registrant, per registrant code (its own, or the pool's for an individual) and year of reference; newest first. */
  isrcsByCodeYear: Type.Array(Type.Object({ code: Type.String(), year: Type.Integer(), isrcs: Type.Integer() })),
});
export type RegistrantOverview = Static<typeof RegistrantOverview>;
