import { Type, type Static } from 'typebox';
import { DEPOSIT_COPIES_BOUNDS, DEPOSIT_OVERDUE_DAYS_BOUNDS, PUBLIC_SEARCH_RATE_BOUNDS } from './agency-settings.js';

/** Browser-safe (types): the settings officers see and administrators change (GET/PUT /settings/agency). */

const Copies = Type.Integer({ ...DEPOSIT_COPIES_BOUNDS, description: 'Copies of each physical release' });

export const DepositCopies = Type.Object({ company: Copies, individual: Copies, government: Copies }, { additionalProperties: false, description: '送存份數 by registrant kind' });

const OverdueDays = Type.Integer({ ...DEPOSIT_OVERDUE_DAYS_BOUNDS, description: 'An approved physical album not deposited after this many days is overdue' });

export const PublicSearchSettings = Type.Object(
  {
    showRegistrantName: Type.Boolean({ description: 'The public ISRC search shows the registrant name' }),
    showRegistrantCode: Type.Boolean({ description: 'The public ISRC search shows the registrant code (IFPI advises against it; off by default)' }),
    requestsPerMinute: Type.Integer({ ...PUBLIC_SEARCH_RATE_BOUNDS, description: 'Public ISRC search requests per minute from one client address' }),
  },
  { additionalProperties: false, description: '公開 ISRC 查詢: what it shows and its rate limit' },
);

export const AgencySettingsResponse = Type.Object({
  depositCopies: DepositCopies,
  depositOverdueDays: OverdueDays,
  publicSearch: PublicSearchSettings,
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Last change by an administrator; null while every value is the default' }),
});
export type AgencySettingsResponse = Static<typeof AgencySettingsResponse>;

/** Only the values given change; each is validated against its bounds. */
export const UpdateAgencySettingsBody = Type.Object(
  { depositCopies: Type.Optional(DepositCopies), depositOverdueDays: Type.Optional(OverdueDays), publicSearch: Type.Optional(PublicSearchSettings) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAgencySettingsBody = Static<typeof UpdateAgencySettingsBody>;
