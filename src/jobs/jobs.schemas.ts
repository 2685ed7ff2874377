import { Type, type Static } from 'typebox';

/** Browser-safe (types): the administrator's list of background jobs. */

export const JOB_STATES = ['queued', 'running', 'retrying', 'failed'] as const;

export const JobResponse = Type.Object({
  id: Type.String(),
  task: Type.String({ description: 'What the job does: fixity-run, mail-deliver, orphan-sweep' }),
  state: Type.Enum(JOB_STATES, { description: 'queued: waiting for its first attempt; running; retrying: an attempt failed, the next waits its back-off; failed: out of attempts' }),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  runAt: Type.String({ format: 'date-time', description: 'When it runs (next attempt), or ran when running or failed' }),
  createdAt: Type.String({ format: 'date-time' }),
  lockedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the running attempt started' }),
});
export type JobResponse = Static<typeof JobResponse>;

export const JobListResponse = Type.Object({
  runner: Type.Union([Type.Literal('graphile-worker'), Type.Literal('in-process'), Type.Literal('none')], { description: 'none: this server runs no background jobs' }),
  depth: Type.Object({ queued: Type.Integer(), running: Type.Integer(), retrying: Type.Integer(), failed: Type.Integer() }),
  items: Type.Array(JobResponse),
});
export type JobListResponse = Static<typeof JobListResponse>;

export const JobListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
});
export type JobListQuery = Static<typeof JobListQuery>;
