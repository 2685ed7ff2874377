import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { suggestCode } from '../registrants/registrant-codes.service.js';
import type { Page } from '../shared/common.schemas.js';
import { AppError } from '../shared/errors.js';
import { cleanText, pageWindow } from '../shared/text.js';
import { toApplicationResponse } from './application-view.js';
import { canDecideApplications, canReadOwnApplication } from './applications.policy.js';
import { findApplication, findApplicationOfUser, listApplications } from './applications.repo.js';
import type { ApplicationListQuery, ApplicationResponse, SuggestedCodeResponse } from './applications.schemas.js';

/**
 * Staff only. A member asking for an application by id gets NOT_FOUND, as for any object that is
 * not theirs (an approved application belongs to a registrant: its existence is not confirmed).
 */
export function assertCanOpen(actor: Actor): void {
  if (actor.kind === 'member') {
    throw new AppError('NOT_FOUND');
  }
  assertCanDecide(actor);
}

export function assertCanDecide(actor: Actor): void {
  if (!canDecideApplications(actor)) {
    throw new AppError('FORBIDDEN');
  }
}

/** The signed-in user's application (an applicant's, or the one that made a member); NOT_FOUND when none. */
export async function getMyApplication(ctx: ServiceContext, actor: Actor): Promise<ApplicationResponse> {
  if (!canReadOwnApplication(actor)) {
    throw new AppError('NOT_FOUND');
  }
  const row = await findApplicationOfUser(ctx.db, actor.userId);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return toApplicationResponse(row);
}

/** The officers' queue: pending first, oldest first; filter by status, search by name, number or contact. */
export async function searchApplications(ctx: ServiceContext, actor: Actor, query: ApplicationListQuery): Promise<Page<ApplicationResponse>> {
  assertCanDecide(actor);
  const { page, pageSize, offset } = pageWindow(query.page, query.pageSize);
  const { rows, total } = await listApplications(ctx.db, { q: query.q === undefined ? undefined : cleanText(query.q), status: query.status }, { offset, limit: pageSize });
  return { items: rows.map(toApplicationResponse), total, page, pageSize };
}

export async function getApplication(ctx: ServiceContext, actor: Actor, id: string): Promise<ApplicationResponse> {
  assertCanOpen(actor);
  const row = await findApplication(ctx.db, id);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return toApplicationResponse(row);
}

/**
 * The code an approval would allocate when the officer types none: the registry's one rule for the
 * next free registrant code (never one with I or O, never one ever allocated, suspended holders included).
 */
export async function suggestCodeForApplication(ctx: ServiceContext, actor: Actor, id: string): Promise<SuggestedCodeResponse> {
  await getApplication(ctx, actor, id);
  return suggestCode(ctx, actor);
}
