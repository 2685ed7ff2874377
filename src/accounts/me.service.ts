import { getRegistrantSummary } from '../registrants/registrants.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ServiceContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import type { Locale } from '../shared/locale.js';
import type { MeResponse } from './accounts.schemas.js';
import type { Actor } from './actor.js';
import { findUserById, updateUserRow, type UserRow } from './users.repo.js';
import { toUserResponse } from './user-view.js';

/** The signed-in user and, for members, their registrant. */
export async function getMe(ctx: ServiceContext, user: UserRow): Promise<MeResponse> {
  const registrant = user.registrantId === null ? null : ((await getRegistrantSummary(ctx, user.registrantId)) ?? null);
  return { user: toUserResponse(user), registrant };
}

/** Sets the language of my e-mails (notifications); the web app calls it from its language switch. */
export async function setMyLocale(ctx: ServiceContext, actor: Actor, locale: Locale): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const before = await findUserById(tx.db, actor.userId);
    if (before === undefined || before.locale === locale) {
      return;
    }
    await updateUserRow(tx.db, actor.userId, { locale });
    await recordAudit(tx, actor, { action: 'user.locale.change', entityType: 'user', entityId: actor.userId, before: { locale: before.locale }, after: { locale } });
  });
}
