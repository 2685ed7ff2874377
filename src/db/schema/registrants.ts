import { sql } from 'drizzle-orm';
import { boolean, check, index, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACTIVE_STATUSES, REGISTRANT_KINDS } from '../../shared/enums.js';
import { stamps } from './columns.js';

export const registrantKind = pgEnum('registrant_kind', REGISTRANT_KINDS);
export const activeStatus = pgEnum('active_status', ACTIVE_STATUSES);

export const registrants = pgTable(
  'registrants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: registrantKind('kind').notNull(),
    name: text('name').notNull(),
    /** 統一編號 / 機關代碼 where the kind has one. */
    registrationNumber: text('registration_number').notNull().default(''),
    contactPerson: text('contact_person').notNull().default(''),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    status: activeStatus('status').notNull().default('active'),
    /** Seeded by `--demo`; shown as such in every list. */
    isDemo: boolean('is_demo').notNull().default(false),
    ...stamps,
  },
  (t) => [index('registrants_name_idx').on(t.name), index('registrants_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops'))],
);

/**
 * Registrant codes allocated by the agency. A row with no registrant is one of the agency's pool
 * codes, under which individuals' recordings are assigned.
 */
export const registrantCodes = pgTable(
  'registrant_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countryCode: text('country_code').notNull(),
    code: text('code').notNull(),
    registrantId: uuid('registrant_id').references(() => registrants.id, { onDelete: 'restrict' }),
    isPool: boolean('is_pool').notNull().default(false),
    /**
     * The year the agency allocated the code (in its time zone). The year of reference is the year
     * of assignment, so no ISRC under this code can carry an earlier year, except on an album
     * reported as 回溯編碼. Codes carried over from an earlier system are entered with their year.
     */
    allocatedYear: smallint('allocated_year').notNull(),
    ...stamps,
  },
  (t) => [
    uniqueIndex('registrant_codes_country_code_uq').on(t.countryCode, t.code),
    index('registrant_codes_registrant_idx').on(t.registrantId),
    check('registrant_codes_code_ck', sql`${t.code} ~ '^[A-Z0-9]{3}$' and ${t.countryCode} ~ '^[A-Z]{2}$'`),
    check('registrant_codes_allocated_year_ck', sql`${t.allocatedYear} between 1986 and 2085`),
    check('registrant_codes_pool_ck', sql`(${t.isPool} and ${t.registrantId} is null) or (not ${t.isPool} and ${t.registrantId} is not null)`),
  ],
);
