import { desc, sql } from 'drizzle-orm';
import { agencySettings } from '../db/schema/index.js';
import type { Db } from '../db/types.js';

export interface StoredSetting {
  key: string;
  value: unknown;
  updatedAt: Date;
}

export function readAgencySettingRows(db: Db): Promise<StoredSetting[]> {
  return db.select({ key: agencySettings.key, value: agencySettings.value, updatedAt: agencySettings.updatedAt }).from(agencySettings).orderBy(desc(agencySettings.updatedAt));
}

/** Takes the settings' row locks, so two administrators saving at once write their audit rows in turn. */
export async function lockAgencySettingRows(db: Db): Promise<StoredSetting[]> {
  return db.select({ key: agencySettings.key, value: agencySettings.value, updatedAt: agencySettings.updatedAt }).from(agencySettings).for('update');
}

export async function upsertAgencySetting(db: Db, key: string, value: unknown, updatedBy: string, at: Date): Promise<void> {
  await db
    .insert(agencySettings)
    .values({ key, value, updatedBy, updatedAt: at })
    .onConflictDoUpdate({ target: agencySettings.key, set: { value: sql`excluded.value`, updatedBy, updatedAt: at } });
}
