import { timestamp } from 'drizzle-orm/pg-core';

/** created/updated stamps every business table carries; timestamptz, so stored in UTC. */
export const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
