import type { Actor } from '../accounts/actor.js';
import { canManageSettings, isStaff } from '../accounts/accounts.policy.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ServiceContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { settingsFromStored, type AgencySettings } from './agency-settings.js';
import type { AgencySettingsResponse, UpdateAgencySettingsBody } from './agency-settings.schemas.js';
import { lockAgencySettingRows, readAgencySettingRows, upsertAgencySetting, type StoredSetting } from './agency-settings.repo.js';

function toResponse(rows: readonly StoredSetting[]): AgencySettingsResponse {
  const latest = rows.reduce<Date | null>((at, r) => (at === null || r.updatedAt > at ? r.updatedAt : at), null);
  return { ...settingsFromStored(rows), updatedAt: latest === null ? null : latest.toISOString() };
}

/** The settings in force, for other features' rules (deposit copies, overdue days, public search); no permission check. */
export async function loadAgencySettings(ctx: ServiceContext): Promise<AgencySettings> {
  return settingsFromStored(await readAgencySettingRows(ctx.db));
}

/** 設定 as staff see it: every officer may read what the deposit desk follows. */
export async function getAgencySettings(ctx: ServiceContext, actor: Actor): Promise<AgencySettingsResponse> {
  if (!isStaff(actor)) {
    throw new AppError('FORBIDDEN');
  }
  return toResponse(await readAgencySettingRows(ctx.db));
}

/**
 * Changes the given settings (administrators only). The schema has checked the bounds; the audit
 * row keeps the values before and after, in the same transaction as the change.
 */
export async function updateAgencySettings(ctx: ServiceContext, actor: Actor, body: UpdateAgencySettingsBody): Promise<AgencySettingsResponse> {
  if (!canManageSettings(actor)) {
    throw new AppError('FORBIDDEN');
  }
  return withTransaction(ctx, async (tx) => {
    const before = settingsFromStored(await lockAgencySettingRows(tx.db));
    const at = ctx.clock.now();
    const changes: Partial<AgencySettings> = {};
    if (body.depositCopies !== undefined) {
      changes.depositCopies = body.depositCopies;
      await upsertAgencySetting(tx.db, 'depositCopies', body.depositCopies, actor.userId, at);
    }
    if (body.depositOverdueDays !== undefined) {
      changes.depositOverdueDays = body.depositOverdueDays;
      await upsertAgencySetting(tx.db, 'depositOverdueDays', body.depositOverdueDays, actor.userId, at);
    }
    if (body.publicSearch !== undefined) {
      changes.publicSearch = body.publicSearch;
      await upsertAgencySetting(tx.db, 'publicSearch', body.publicSearch, actor.userId, at);
    }
    const after = { ...before, ...changes };
    await recordAudit(tx, actor, { action: 'settings.agency.update', entityType: 'agency_settings', entityId: 'agency', before, after });
    return toResponse(await readAgencySettingRows(tx.db));
  });
}
