import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../../src/shared/common.schemas.js';
import type {
  ApplicationResponse,
  ApplicationStatus,
  ApplyBody,
  ApproveApplicationBody,
  ReapplyBody,
  SuggestedCodeResponse,
} from '../../../../src/applications/applications.schemas.js';
import { api } from '../../lib/api-client';
import { meQueryKey } from '../auth/api';

export const PAGE_SIZE = 10;

export interface ApplicationFilter {
  page: number;
  status?: ApplicationStatus;
  q?: string;
}

export const applicationKeys = {
  all: ['applications'] as const,
  mine: ['applications', 'mine'] as const,
  list: (filter: ApplicationFilter) => ['applications', 'list', filter] as const,
  detail: (id: string) => ['applications', 'detail', id] as const,
  suggestion: (id: string) => ['applications', 'detail', id, 'suggested-code'] as const,
};

/** Files the application; the server signs the applicant in, so the signed-in user is read again. */
export function useApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyBody) => api.post<ApplicationResponse>('/applications', body),
    onSuccess: async (application) => {
      queryClient.setQueryData(applicationKeys.mine, application);
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

/** 重新申請 after a rejection: the new application becomes the applicant's (the rejected one stays on record). */
export function useReapply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReapplyBody) => api.post<ApplicationResponse>('/applications/mine', body),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.mine, application);
    },
  });
}

/** The signed-in user's application; read again when the window regains focus, to see a decision. */
export function useMyApplication() {
  return useQuery({
    queryKey: applicationKeys.mine,
    queryFn: ({ signal }) => api.get<ApplicationResponse>('/applications/mine', undefined, signal),
    refetchOnWindowFocus: true,
    retry: false,
  });
}

export function useApplicationList(filter: ApplicationFilter) {
  return useQuery({
    queryKey: applicationKeys.list(filter),
    queryFn: ({ signal }) => api.get<Page<ApplicationResponse>>('/applications', { ...filter, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKeys.detail(id),
    queryFn: ({ signal }) => api.get<ApplicationResponse>(`/applications/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** The next free registrant code, only while the application waits for a decision. */
export function useSuggestedCode(id: string, enabled: boolean) {
  return useQuery({
    queryKey: applicationKeys.suggestion(id),
    queryFn: ({ signal }) => api.get<SuggestedCodeResponse>(`/applications/${encodeURIComponent(id)}/suggested-code`, undefined, signal),
    enabled,
    staleTime: 0,
  });
}

function useDecision<Body>(id: string, verb: 'approve' | 'reject') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.post<ApplicationResponse>(`/applications/${encodeURIComponent(id)}/${verb}`, body),
    onSuccess: (decided) => {
      queryClient.setQueryData(applicationKeys.detail(id), decided);
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      // A new registrant (and code) exists now.
      void queryClient.invalidateQueries({ queryKey: ['registrants'] });
      void queryClient.invalidateQueries({ queryKey: ['registrant-codes'] });
    },
  });
}

export function useApproveApplication(id: string) {
  return useDecision<ApproveApplicationBody>(id, 'approve');
}

export function useRejectApplication(id: string) {
  return useDecision<{ reason: string }>(id, 'reject');
}
