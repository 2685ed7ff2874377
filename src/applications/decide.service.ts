import type { Actor } from '../accounts/actor.js';
import { endSessionsForRoleChange } from '../accounts/role-change.js';
import { holdsRegistrantCodes } from '../allocation/issuance.policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notify.service.js';
import type { ServiceContext, TxContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { addRegistrantCode } from '../registrants/registrant-codes.service.js';
import { createRegistrant } from '../registrants/registrants.service.js';
import { AppError } from '../shared/errors.js';
import { withinStoredLengths } from '../shared/stored-length.js';
import { cleanText } from '../shared/text.js';
import { toApplicationResponse } from './application-view.js';
import { findApplication, findApplicationForUpdate, makeApplicantMember, updateApplicationRow, type ApplicationRow } from './applications.repo.js';
import { RejectApplicationBody, type ApplicationResponse, type ApproveApplicationBody } from './applications.schemas.js';
import { assertCanOpen } from './applications.service.js';

/** Locks a pending application; a decided one (also by a concurrent request that won) is a 409. */
async function lockPending(tx: TxContext, id: string): Promise<ApplicationRow> {
  const row = await findApplicationForUpdate(tx.db, id);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  if (row.status !== 'pending') {
    throw new AppError('APPLICATION_ALREADY_DECIDED', { status: row.status });
  }
  return row;
}

/** The applicant hears the decision (in the app, and by e-mail when it is set up). */
async function tellApplicant(tx: TxContext, application: ApplicationRow, decision: 'approved' | 'rejected', reason: string): Promise<void> {
  if (application.applicantUserId !== null) {
    await notify(tx, { kind: 'application.decided', audience: { userId: application.applicantUserId }, applicationId: application.id, params: { decision, name: application.name, reason } });
  }
}

async function reload(tx: TxContext, id: string): Promise<ApplicationResponse> {
  const row = await findApplication(tx.db, id);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return toApplicationResponse(row);
}

/**
 * 核准: creates the registrant from the application; a company or government body gets its
 * registrant code (typed, or the suggested next free one; REGISTRANT_CODE_TAKEN when taken), an
 * individual joins the agency's pool (no code). The applicant becomes the registrant's member at
 * once; a change of role ends the applicant's sessions (ASVS 3.2.1: a new session id for the new
 * privileges), so they sign in again as a member. All in one transaction: a taken code leaves
 * nothing behind.
 */
export async function approveApplication(ctx: ServiceContext, actor: Actor, id: string, body: ApproveApplicationBody): Promise<ApplicationResponse> {
  assertCanOpen(actor);
  return withTransaction(ctx, async (tx) => {
    const before = await lockPending(tx, id);
    if (!holdsRegistrantCodes(before.kind) && body.registrantCode !== undefined) {
      throw new AppError('REGISTRANT_CODE_NOT_ALLOWED');
    }
    const registrant = await createRegistrant(tx, actor, {
      kind: before.kind,
      name: before.name,
      registrationNumber: before.registrationNumber,
      contactPerson: before.contactPerson,
      address: before.address,
      phone: before.phone,
      email: before.email,
    });
    const code = holdsRegistrantCodes(before.kind) ? await addRegistrantCode(tx, actor, registrant.id, body.registrantCode, body.allocatedYear) : undefined;
    if (before.applicantUserId !== null && (await makeApplicantMember(tx.db, before.applicantUserId, registrant.id))) {
      await endSessionsForRoleChange(tx, actor, { userId: before.applicantUserId, from: 'applicant', to: 'registrant_member', registrantId: registrant.id });
    }
    const after = await updateApplicationRow(tx.db, id, {
      status: 'approved',
      registrantId: registrant.id,
      registrantCode: code?.code ?? null,
      decidedBy: actor.userId,
      decidedAt: tx.clock.now(),
    });
    await recordAudit(tx, actor, { action: 'application.approve', entityType: 'registrant_application', entityId: id, before, after });
    await tellApplicant(tx, before, 'approved', '');
    return reload(tx, id);
  });
}

/** 不予核准, with the reason the applicant reads on their status page. */
export async function rejectApplication(ctx: ServiceContext, actor: Actor, id: string, reason: string): Promise<ApplicationResponse> {
  assertCanOpen(actor);
  const { reason: text } = withinStoredLengths(RejectApplicationBody, { reason: cleanText(reason) });
  if (text === '') {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'reason', code: 'required' }] });
  }
  return withTransaction(ctx, async (tx) => {
    const before = await lockPending(tx, id);
    const after = await updateApplicationRow(tx.db, id, { status: 'rejected', decisionReason: text, decidedBy: actor.userId, decidedAt: tx.clock.now() });
    await recordAudit(tx, actor, { action: 'application.reject', entityType: 'registrant_application', entityId: id, before, after });
    await tellApplicant(tx, before, 'rejected', text);
    return reload(tx, id);
  });
}
