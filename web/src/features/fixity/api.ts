import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FixityRunDetail, FixityRunPage, FixityRunResponse } from '../../../../src/fixity/fixity.schemas.js';
import { api } from '../../lib/api-client';

/** Every list shows 10 rows a page. */
export const PAGE_SIZE = 10;
/** How often a running run is asked for its progress. */
export const POLL_MS = 1000;

const runsKey = ['fixity', 'runs'] as const;

export function useFixityRuns(page: number) {
  return useQuery({
    queryKey: [...runsKey, 'list', page],
    queryFn: ({ signal }) => api.get<FixityRunPage>('/fixity/runs', { page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    // While the latest run goes on, the list's counters move too.
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.status === 'running') === true ? POLL_MS : false),
  });
}

/** One run; polled every second while it is running, so the bar moves. */
export function useFixityRun(runId: string | undefined) {
  return useQuery({
    queryKey: [...runsKey, 'detail', runId],
    queryFn: ({ signal }) => api.get<FixityRunDetail>(`/fixity/runs/${encodeURIComponent(runId ?? '')}`, undefined, signal),
    enabled: runId !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
}

export function useStartFixityRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<FixityRunResponse>('/fixity/runs'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runsKey }),
  });
}
