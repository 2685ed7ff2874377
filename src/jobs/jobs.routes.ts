import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse } from '../shared/common.schemas.js';
import { JobListQuery, JobListResponse } from './jobs.schemas.js';
import { listJobs } from './jobs.service.js';

const tags = ['jobs'];

/** 背景工作: the agency's administrators see the background jobs waiting, running and failed. */
export function jobsRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/admin/jobs',
    {
      // Administrators only, like /users: the service refuses everyone else (officers too, so no
      // `staff` edge mark, which would promise officers access).
      schema: {
        tags,
        summary: 'Background jobs queued, running, retrying or failed, with attempts and last error (agency administrators)',
        querystring: JobListQuery,
        response: { 200: JobListResponse, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    (request) => listJobs(ctx, requireActor(request), request.query),
  );
}
