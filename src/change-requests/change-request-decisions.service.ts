import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ServiceContext, TxContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { notify } from '../notifications/notify.service.js';
import { AppError } from '../shared/errors.js';
import { withinStoredLengths } from '../shared/stored-length.js';
import { isChangeableField, normaliseValue, type ChangeableField } from './change-request-fields.js';
import { canDecideChangeRequests } from './change-requests.policy.js';
import { findChangeRequestForUpdate, lockRegistrant, updateChangeRequest, updateRegistrantFields, type ChangeRequestRow } from './change-requests.repo.js';
import { RejectChangeRequestBody, type ChangeRequestResponse } from './change-requests.schemas.js';
import { assertPending, findVisibleChangeRequest, getChangeRequest } from './change-requests.service.js';

/** The pending request, locked; staff only. */
async function pendingForDecision(tx: TxContext, actor: Actor, id: string): Promise<ChangeRequestRow> {
  if (!canDecideChangeRequests(actor)) {
    // A member learns nothing of another registrant's request (404); on their own, 403.
    await findVisibleChangeRequest(tx, actor, id);
    throw new AppError('FORBIDDEN');
  }
  const row = await findChangeRequestForUpdate(tx.db, id, undefined);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  assertPending(row);
  return row;
}

/**
 * 核准: writes the new values to the registrant's record in one transaction. The audit row
 * `registrant.update` (before → after) is the registrant's history. If a field no longer holds the
 * value the request was made against, nothing is applied (CHANGE_REQUEST_STALE): the officer
 * re-checks rather than overwrite a later edit unseen.
 */
export async function approveChangeRequest(ctx: ServiceContext, actor: Actor, id: string): Promise<ChangeRequestResponse> {
  await withTransaction(ctx, async (tx) => {
    const request = await pendingForDecision(tx, actor, id);
    const registrant = await lockRegistrant(tx.db, request.registrantId);
    if (registrant === undefined) {
      throw new AppError('NOT_FOUND');
    }
    const patch: Partial<Record<ChangeableField, string>> = {};
    const changed: string[] = [];
    for (const change of request.changes) {
      if (!isChangeableField(change.field)) {
        throw new Error(`change request ${id} names an unknown field ${change.field}`);
      }
      if (registrant[change.field] !== change.before) {
        changed.push(change.field);
      }
      patch[change.field] = normaliseValue(change.after);
    }
    if (changed.length > 0) {
      throw new AppError('CHANGE_REQUEST_STALE', { changed });
    }
    const after = await updateRegistrantFields(tx.db, registrant.id, patch);
    await recordAudit(tx, actor, { action: 'registrant.update', entityType: 'registrant', entityId: registrant.id, before: registrant, after });
    const decidedAt = ctx.clock.now();
    await updateChangeRequest(tx.db, id, { status: 'approved', decidedBy: actor.userId, decidedAt });
    await recordAudit(tx, actor, {
      action: 'changeRequest.approve',
      entityType: 'changeRequest',
      entityId: id,
      before: { status: 'pending' },
      after: { status: 'approved', changes: request.changes },
    });
    await notify(tx, { kind: 'changeRequest.decided', audience: { registrantId: registrant.id }, changeRequestId: id, params: { decision: 'approved', reason: '' } });
  });
  return getChangeRequest(ctx, actor, id);
}

/** 退件: the registrant's record is untouched; the reason is required and shown to the registrant. */
export async function rejectChangeRequest(ctx: ServiceContext, actor: Actor, id: string, rawReason: string): Promise<ChangeRequestResponse> {
  const reason = normaliseValue(rawReason);
  await withTransaction(ctx, async (tx) => {
    const request = await pendingForDecision(tx, actor, id);
    if (reason === '') {
      throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'reason', code: 'required' }] });
    }
    withinStoredLengths(RejectChangeRequestBody, { reason });
    await updateChangeRequest(tx.db, id, { status: 'rejected', decisionReason: reason, decidedBy: actor.userId, decidedAt: ctx.clock.now() });
    await recordAudit(tx, actor, { action: 'changeRequest.reject', entityType: 'changeRequest', entityId: id, before: { status: 'pending' }, after: { status: 'rejected', reason } });
    await notify(tx, { kind: 'changeRequest.decided', audience: { registrantId: request.registrantId }, changeRequestId: id, params: { decision: 'rejected', reason } });
  });
  return getChangeRequest(ctx, actor, id);
}
