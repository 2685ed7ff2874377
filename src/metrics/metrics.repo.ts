import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/types.js';
import { albums, notifications } from '../db/schema/index.js';

/** The levels /metrics reports as gauges, read from the database (shared by every process). */
export interface QueueLevels {
  /** Albums 送出審核 and not yet decided. */
  albumsAwaitingReview: number;
  /** E-mail copies of notifications not yet sent (the mailer's queue). */
  emailsPending: number;
}

export async function readQueueLevels(db: Db): Promise<QueueLevels> {
  const [[review], [mail]] = await Promise.all([
    db.select({ n: count() }).from(albums).where(eq(albums.status, 'submitted')),
    db.select({ n: count() }).from(notifications).where(eq(notifications.emailStatus, 'pending')),
  ]);
  return { albumsAwaitingReview: review?.n ?? 0, emailsPending: mail?.n ?? 0 };
}
