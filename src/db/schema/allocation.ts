import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { ASSIGNMENT_SOURCES } from '../../shared/enums.js';
import { stamps } from './columns.js';
import { users } from './accounts.js';
import { registrants } from './registrants.js';

/**
 * Highest designation used per (country, registrant code, year of reference). System allocation
 * takes the next codes with one `UPDATE … RETURNING`, which serialises concurrent allocators.
 */
export const designationCounters = pgTable(
  'designation_counters',
  {
    countryCode: text('country_code').notNull(),
    registrantCode: text('registrant_code').notNull(),
    /** Two-digit year of reference, as in the code. */
    yearOfReference: smallint('year_of_reference').notNull(),
    lastDesignation: integer('last_designation').notNull().default(0),
    ...stamps,
  },
  (t) => [primaryKey({ columns: [t.countryCode, t.registrantCode, t.yearOfReference] }), check('designation_counters_range_ck', sql`${t.lastDesignation} between 0 and 99999`)],
);

export const assignmentSource = pgEnum('assignment_source', ASSIGNMENT_SOURCES);

/**
 * The ledger of every ISRC handed out. Rows are never deleted, so a code is never handed out
 * twice even when its recording is removed. The primary key is the uniqueness guarantee.
 */
export const isrcAssignments = pgTable(
  'isrc_assignments',
  {
    isrc: text('isrc').primaryKey(),
    countryCode: text('country_code').notNull(),
    registrantCode: text('registrant_code').notNull(),
    yearOfReference: smallint('year_of_reference').notNull(),
    designation: integer('designation').notNull(),
    registrantId: uuid('registrant_id')
      .notNull()
      .references(() => registrants.id, { onDelete: 'restrict' }),
    source: assignmentSource('source').notNull(),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * False for a code a company typed and then removed from its draft: still reserved to that
     * registrant (it may be on a master already) and never handed out by "next available", but
     * "next available" no longer continues after it. System codes are always in use.
     */
    inUse: boolean('in_use').notNull().default(true),
    ...stamps,
  },
  (t) => [
    index('isrc_assignments_registrant_idx').on(t.registrantId, t.yearOfReference),
    index('isrc_assignments_code_year_idx').on(t.countryCode, t.registrantCode, t.yearOfReference, t.designation),
    check('isrc_assignments_isrc_ck', sql`${t.isrc} ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'`),
    check('isrc_assignments_designation_ck', sql`${t.designation} between 1 and 99999`),
    check('isrc_assignments_in_use_ck', sql`${t.inUse} or ${t.source} = 'manual'`),
  ],
);
