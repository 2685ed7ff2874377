import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ServiceContext } from '../db/context.js';
import type { FieldChange } from '../db/schema/index.js';
import { withTransaction } from '../db/tx.js';
import { notify } from '../notifications/notify.service.js';
import type { Page } from '../shared/common.schemas.js';
import { AppError } from '../shared/errors.js';
import { storedLengthProblems } from '../shared/stored-length.js';
import { pageWindow } from '../shared/text.js';
import { checkFieldValue, normaliseValue, type ChangeableField } from './change-request-fields.js';
import { toChangeRequestResponse } from './change-request-view.js';
import { canFileChangeRequest, visibleScope } from './change-requests.policy.js';
import {
  findChangeRequestForUpdate,
  findChangeRequestView,
  findPendingOfRegistrant,
  insertChangeRequest,
  listChangeRequests,
  findRegistrantRecord,
  lockRegistrant,
  updateChangeRequest,
  type ChangeRequestRow,
  type ChangeRequestView,
} from './change-requests.repo.js';
import { CreateChangeRequestBody, type ChangeRequestListQuery, type ChangeRequestResponse, type CurrentValuesResponse } from './change-requests.schemas.js';

/** Members see their registrant's requests; staff all, optionally one registrant's (its change history). */
export async function listChangeRequestsFor(ctx: ServiceContext, actor: Actor, query: ChangeRequestListQuery): Promise<Page<ChangeRequestResponse>> {
  const scope = visibleScope(actor);
  const { page, pageSize, offset } = pageWindow(query.page, query.pageSize);
  const registrantId = scope.registrantId ?? query.registrantId;
  const { rows, total } = await listChangeRequests(ctx.db, { registrantId, status: query.status }, { offset, limit: pageSize });
  return { items: rows.map(toChangeRequestResponse), total, page, pageSize };
}

/** One request the actor may see; another registrant's is NOT_FOUND. */
export async function findVisibleChangeRequest(ctx: ServiceContext, actor: Actor, id: string): Promise<ChangeRequestView> {
  const row = await findChangeRequestView(ctx.db, id, visibleScope(actor).registrantId);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

export async function getChangeRequest(ctx: ServiceContext, actor: Actor, id: string): Promise<ChangeRequestResponse> {
  return toChangeRequestResponse(await findVisibleChangeRequest(ctx, actor, id));
}

interface CheckedChange {
  field: ChangeableField;
  after: string;
}

/** Each new value checked like the registrant form; a field named twice is refused. */
function checkChanges(body: CreateChangeRequestBody): { changes: CheckedChange[]; reason: string } {
  const problems: Array<{ field: string; code: string; params?: Record<string, string | number> }> = [];
  const seen = new Set<string>();
  const changes = body.changes.map((change, i) => {
    const after = normaliseValue(change.after);
    if (seen.has(change.field)) {
      problems.push({ field: `changes.${i}.field`, code: 'invalid' });
    }
    seen.add(change.field);
    const problem = checkFieldValue(change.field, after);
    if (problem !== undefined) {
      problems.push({ field: `changes.${i}.after`, code: problem.code, ...(problem.params === undefined ? {} : { params: problem.params }) });
    }
    return { field: change.field, after };
  });
  const reason = normaliseValue(body.reason);
  if (reason === '') {
    problems.push({ field: 'reason', code: 'required' });
  }
  problems.push(...storedLengthProblems(CreateChangeRequestBody, { reason }));
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', { fields: problems });
  }
  return { changes, reason };
}

/**
 * 出版者資料異動申請: the member asks for new values; `before` is the registrant's record now (never
 * the client's word). One pending request per registrant, like the one paper form at a time: the
 * officer decides on a coherent set, and two requests can never race on the same field.
 */
export async function createChangeRequest(ctx: ServiceContext, actor: Actor, body: CreateChangeRequestBody): Promise<ChangeRequestResponse> {
  if (!canFileChangeRequest(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const { changes, reason } = checkChanges(body);
  const id = await withTransaction(ctx, async (tx) => {
    const registrant = await lockRegistrant(tx.db, actor.registrantId);
    if (registrant === undefined) {
      throw new AppError('NOT_FOUND');
    }
    if ((await findPendingOfRegistrant(tx.db, actor.registrantId)) !== undefined) {
      throw new AppError('CHANGE_REQUEST_PENDING');
    }
    const withBefore: FieldChange[] = changes.map((c) => ({ field: c.field, before: registrant[c.field], after: c.after }));
    const unchanged = withBefore.filter((c) => c.before === c.after).map((c) => c.field);
    if (unchanged.length > 0) {
      throw new AppError('CHANGE_REQUEST_UNCHANGED', { unchanged });
    }
    const row = await insertChangeRequest(tx.db, { registrantId: actor.registrantId, requestedBy: actor.userId, changes: withBefore, reason });
    await recordAudit(tx, actor, { action: 'changeRequest.create', entityType: 'changeRequest', entityId: row.id, after: row });
    await notify(tx, { kind: 'changeRequest.submitted', audience: { agency: true }, changeRequestId: row.id, params: { registrantName: registrant.name } });
    return row.id;
  });
  return getChangeRequest(ctx, actor, id);
}

/**
 * 撤回: the member closes their registrant's pending request. It stays on record as `withdrawn` —
 * the officer who opened it from a notification, and the registrant's change history, still find
 * it — with who withdrew it and when in decidedBy / decidedAt (the person who closed it, whichever
 * side). The stamped scan is kept with it: a withdrawn request is part of the paper trail like a
 * rejected one, and its stored object stays referenced, so nothing is released.
 */
export async function withdrawChangeRequest(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  if (!canFileChangeRequest(actor)) {
    throw new AppError('FORBIDDEN');
  }
  await withTransaction(ctx, async (tx) => {
    const row = await findChangeRequestForUpdate(tx.db, id, actor.registrantId);
    if (row === undefined) {
      throw new AppError('NOT_FOUND');
    }
    assertPending(row);
    await updateChangeRequest(tx.db, id, { status: 'withdrawn', decidedBy: actor.userId, decidedAt: ctx.clock.now() });
    await recordAudit(tx, actor, { action: 'changeRequest.withdraw', entityType: 'changeRequest', entityId: id, before: { status: 'pending' }, after: { status: 'withdrawn' } });
  });
}

/** Only a pending request is changed, withdrawn or decided; a withdrawn one says so. */
export function assertPending(row: Pick<ChangeRequestRow, 'status'>): void {
  if (row.status === 'withdrawn') {
    throw new AppError('CHANGE_REQUEST_WITHDRAWN');
  }
  if (row.status !== 'pending') {
    throw new AppError('CHANGE_REQUEST_DECIDED');
  }
}

/** The member's registrant record, field by field: the "before" side of the form. */
export async function getCurrentValues(ctx: ServiceContext, actor: Actor): Promise<CurrentValuesResponse> {
  if (!canFileChangeRequest(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const r = await findRegistrantRecord(ctx.db, actor.registrantId);
  if (r === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return {
    registrantId: r.id,
    values: { name: r.name, registrationNumber: r.registrationNumber, contactPerson: r.contactPerson, address: r.address, phone: r.phone, email: r.email },
  };
}
