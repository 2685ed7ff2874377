import { isAdmin } from '../accounts/accounts.policy.js';
import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { AppError } from '../shared/errors.js';
import { emptyDepth, type JobView } from './job-queue.js';
import type { JobListQuery, JobListResponse, JobResponse } from './jobs.schemas.js';

function present(job: JobView): JobResponse {
  return {
    ...job,
    runAt: job.runAt.toISOString(),
    createdAt: job.createdAt.toISOString(),
    lockedAt: job.lockedAt === null ? null : job.lockedAt.toISOString(),
  };
}

/** Waiting, running and failed background jobs, soonest first, with counts by state (agency administrators). */
export async function listJobs(ctx: ServiceContext, actor: Actor, query: JobListQuery): Promise<JobListResponse> {
  if (!isAdmin(actor)) {
    throw new AppError('FORBIDDEN');
  }
  if (ctx.jobs === undefined) {
    return { runner: 'none', depth: emptyDepth(), items: [] };
  }
  const [items, depth] = await Promise.all([ctx.jobs.list(query.limit ?? 200), ctx.jobs.depth()]);
  return { runner: ctx.jobs.kind, depth, items: items.map(present) };
}
