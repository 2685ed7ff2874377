import { sql } from 'drizzle-orm';
import { boolean, check, index, inet, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { LOCALES } from '../../shared/locale.js';
import { USER_ROLES } from '../../shared/enums.js';
import { stamps } from './columns.js';
import { activeStatus, registrants } from './registrants.js';

export const userRole = pgEnum('user_role', USER_ROLES);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-case, so login names are case-insensitive. */
    loginName: text('login_name').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email').notNull().default(''),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    registrantId: uuid('registrant_id').references(() => registrants.id, { onDelete: 'restrict' }),
    status: activeStatus('status').notNull().default('active'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** The language of e-mails to this user (the web follows the browser's choice). */
    locale: text('locale', { enum: LOCALES }).notNull().default('zh-TW'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('users_login_name_uq').on(t.loginName),
    index('users_registrant_idx').on(t.registrantId),
    check('users_registrant_role_ck', sql`(${t.role} = 'registrant_member') = (${t.registrantId} is not null)`),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
    ...stamps,
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Every login attempt, for throttling per account and per address across processes. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    loginName: text('login_name').notNull(),
    ip: inet('ip'),
    succeeded: boolean('succeeded').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_name_idx').on(t.loginName, t.createdAt), index('login_attempts_ip_idx').on(t.ip, t.createdAt)],
);
