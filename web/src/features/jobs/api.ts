import { useQuery } from '@tanstack/react-query';
import type { JobListResponse } from '../../../../src/jobs/jobs.schemas.js';
import { api } from '../../lib/api-client';

/** The list follows the jobs as they run: looked at again every few seconds. */
export const JOBS_POLL_MS = 5000;

export function useJobs() {
  return useQuery({
    queryKey: ['admin', 'jobs'],
    queryFn: ({ signal }) => api.get<JobListResponse>('/admin/jobs', undefined, signal),
    refetchInterval: JOBS_POLL_MS,
  });
}
