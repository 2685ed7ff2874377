import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { AppError } from '../shared/errors.js';
import { pageWindow } from '../shared/text.js';
import { mayUseWorkspace } from './review.policy.js';
import { queueRows, todoCounts } from './review.repo.js';
import type { QueuePage, QueueQuery, TodoCounts } from './review.schemas.js';

export function assertWorkspace(actor: Actor): void {
  if (!mayUseWorkspace(actor)) {
    throw new AppError('FORBIDDEN');
  }
}

/**
 * The review queue: albums waiting for the agency, oldest submission first, filtered by
 * registrant, registrant kind, release type and submission date (agency calendar days), with the
 * count of waiting albums per kind and per release type under the other filters.
 */
export async function reviewQueue(ctx: ServiceContext, actor: Actor, query: QueueQuery): Promise<QueuePage> {
  assertWorkspace(actor);
  if (query.submittedFrom !== undefined && query.submittedTo !== undefined && query.submittedFrom > query.submittedTo) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'submittedTo', code: 'invalid' }] });
  }
  const { page, pageSize, offset } = pageWindow(query.page, query.pageSize);
  const { rows, total, byKind, byReleaseType } = await queueRows(ctx.db, query, ctx.timeZone, { offset, limit: pageSize });
  const kinds = { company: 0, individual: 0, government: 0 };
  for (const k of byKind) {
    kinds[k.key] = k.n;
  }
  const releaseTypes = { digital: 0, physical: 0 };
  for (const r of byReleaseType) {
    releaseTypes[r.key] = r.n;
  }
  return {
    items: rows.map((r) => ({
      id: r.album.id,
      albumNumber: r.album.albumNumber,
      title: r.album.title,
      artist: r.album.artistText,
      releaseType: r.album.releaseType,
      registrantId: r.album.registrantId,
      registrantName: r.registrantName,
      registrantKind: r.registrantKind,
      trackCount: r.trackCount,
      submittedAt: (r.album.submittedAt ?? r.album.updatedAt).toISOString(),
      round: r.round,
    })),
    total,
    page,
    pageSize,
    counts: { byKind: kinds, byReleaseType: releaseTypes },
  };
}

/** The officer's 待辦事項: albums to review, applications and change requests to decide, deposits due. */
export async function reviewTodo(ctx: ServiceContext, actor: Actor): Promise<TodoCounts> {
  assertWorkspace(actor);
  return todoCounts(ctx.db);
}
