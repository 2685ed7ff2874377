import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { notifications, users } from '../db/schema/index.js';
import { rowsOf } from '../db/rows.js';
import type { Db } from '../db/types.js';
import { USER_ROLES, type EmailStatus, type UserRole } from '../shared/enums.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotificationRow = typeof notifications.$inferInsert;

export interface Recipient {
  id: string;
  email: string;
}

/** Active members of one registrant: the people who hear about its albums and requests. */
export function activeMembersOf(db: Db, registrantId: string): Promise<Recipient[]> {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.registrantId, registrantId), eq(users.role, 'registrant_member'), eq(users.status, 'active')));
}

/** Active agency staff (administrators and officers). */
export function activeStaff(db: Db): Promise<Recipient[]> {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.role, ['agency_admin', 'agency_officer']), eq(users.status, 'active')));
}

/** One user, if active (an applicant hears about their own application). */
export function activeUser(db: Db, userId: string): Promise<Recipient[]> {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, 'active')));
}

export async function insertNotifications(db: Db, rows: NewNotificationRow[]): Promise<void> {
  if (rows.length > 0) {
    await db.insert(notifications).values(rows);
  }
}

/** Every query below is scoped by the reader: one never sees another user's rows. */
function mine(userId: string, unreadOnly: boolean): SQL | undefined {
  return unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId);
}

export async function listForUser(db: Db, userId: string, options: { unreadOnly: boolean; limit: number; offset: number }): Promise<{ rows: NotificationRow[]; total: number }> {
  const where = mine(userId, options.unreadOnly);
  const [rows, counted] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(options.limit).offset(options.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(where),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(mine(userId, true));
  return rows[0]?.n ?? 0;
}

/** Marks one of the user's notifications read (keeps the first reading time); undefined when not theirs. */
export async function markRead(db: Db, userId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return rows[0];
}

export async function markAllRead(db: Db, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** A pending e-mail with what its rendering needs: the recipient's address, language and role now. */
export interface PendingEmail {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  entityType: string;
  entityId: string;
  attempts: number;
  email: string;
  locale: 'zh-TW' | 'en';
  role: UserRole;
}

/** Raw jsonb arrives parsed from both drivers; only plain values are kept. */
function paramsOf(raw: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (typeof raw === 'object' && raw !== null) {
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === 'string' || typeof value === 'number') {
        out[key] = value;
      }
    }
  }
  return out;
}

function roleOf(raw: unknown): UserRole {
  const role = USER_ROLES.find((r) => r === raw);
  if (role === undefined) {
    throw new Error(`unknown user role ${String(raw)}`);
  }
  return role;
}

/**
 * Claims up to `limit` due e-mails and bumps their attempt count and time in the same statement,
 * so the claim is a lease: `FOR UPDATE SKIP LOCKED` keeps two server processes from taking the same
 * row, and the bumped time keeps it from being taken again until its back-off has passed. A row is
 * due on its first try, or `backoffSeconds × 2^(attempts−1)` after the last one.
 */
export async function claimDueEmails(db: Db, now: Date, options: { limit: number; backoffSeconds: number }): Promise<PendingEmail[]> {
  const at = now.toISOString();
  const result = await db.execute(sql`
    with due as (
      select n.id from notifications n
      where n.email_status = 'pending'
        and (n.email_attempts = 0
             or n.emailed_at is null
             or n.emailed_at + make_interval(secs => ${options.backoffSeconds} * power(2, n.email_attempts - 1)) <= ${at}::timestamptz)
      order by n.created_at, n.id
      limit ${options.limit}
      for update of n skip locked
    )
    update notifications n
    set email_attempts = n.email_attempts + 1, emailed_at = ${at}::timestamptz
    from due, users u
    where n.id = due.id and u.id = n.user_id
    returning n.id, n.kind, n.params, n.entity_type, n.entity_id, n.email_attempts, u.email, u.locale, u.role`);
  return rowsOf(result).map((r) => {
    return {
      id: String(r.id),
      kind: String(r.kind),
      params: paramsOf(r.params),
      entityType: String(r.entity_type),
      entityId: String(r.entity_id),
      attempts: Number(r.email_attempts),
      email: String(r.email),
      locale: r.locale === 'en' ? 'en' : 'zh-TW',
      role: roleOf(r.role),
    };
  });
}

/** Records the outcome of one try. */
export async function setEmailOutcome(db: Db, id: string, outcome: { status: EmailStatus; error: string | null; at?: Date }): Promise<void> {
  await db
    .update(notifications)
    .set({ emailStatus: outcome.status, emailError: outcome.error, ...(outcome.at === undefined ? {} : { emailedAt: outcome.at }) })
    .where(eq(notifications.id, id));
}
