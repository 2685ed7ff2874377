import type { Actor } from '../accounts/actor.js';
import type { RequestOrigin } from '../accounts/auth.service.js';
import type { ServiceContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { toApplicationResponse } from './application-view.js';
import { canReadOwnApplication, canReapply } from './applications.policy.js';
import { findApplicationOfUser, lockApplicantUser } from './applications.repo.js';
import type { ApplicationResponse, ReapplyBody } from './applications.schemas.js';
import { applicationValues, assertNotThrottled, checkFields, fileApplication } from './apply.service.js';

/**
 * 重新申請: an applicant whose latest application was rejected files a new one from the same account
 * (no second login). The rejected application stays as it was, with its decision and audit rows, as
 * the account's history; the new one waits for the officers like any other (and tells them). Only
 * after a rejection: while one is pending, or once approved, APPLICATION_NOT_REJECTED. Two filed at
 * once are taken one after the other (the account row is locked), so at most one is pending.
 */
export async function reapply(ctx: ServiceContext, actor: Actor, body: ReapplyBody, origin: RequestOrigin): Promise<ApplicationResponse> {
  if (!canReadOwnApplication(actor)) {
    throw new AppError('NOT_FOUND');
  }
  checkFields(body);
  return withTransaction(ctx, async (tx) => {
    if (!(await lockApplicantUser(tx.db, actor.userId))) {
      throw new AppError('NOT_FOUND');
    }
    await assertNotThrottled(tx, origin.ip);
    const latest = await findApplicationOfUser(tx.db, actor.userId);
    if (latest === undefined) {
      throw new AppError('NOT_FOUND');
    }
    if (!canReapply(actor, latest.status)) {
      throw new AppError('APPLICATION_NOT_REJECTED', { status: latest.status });
    }
    const row = await fileApplication(tx, actor, applicationValues(body, actor.userId));
    return toApplicationResponse({ ...row, loginName: latest.loginName });
  });
}
