import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeRequestPage,
  ChangeRequestResponse,
  CreateChangeRequestBody,
  CurrentValuesResponse,
} from '../../../../src/change-requests/change-requests.schemas.js';
import type { ChangeRequestStatus } from '../../../../src/shared/enums.js';
import { API_BASE, api, apiRequest } from '../../lib/api-client';
import { ApiError, NETWORK_ERROR, apiErrorFromBody } from '../../lib/api-error';
import { currentLanguage, i18n } from '../../lib/i18n';

export const PAGE_SIZE = 10;

export interface ChangeRequestFilter {
  page: number;
  status?: ChangeRequestStatus | undefined;
  registrantId?: string | undefined;
}

export const changeRequestKeys = {
  all: ['change-requests'] as const,
  list: (filter: ChangeRequestFilter) => ['change-requests', 'list', filter] as const,
  detail: (id: string) => ['change-requests', 'detail', id] as const,
  current: ['change-requests', 'current'] as const,
};

export function useChangeRequestList(filter: ChangeRequestFilter) {
  return useQuery({
    queryKey: changeRequestKeys.list(filter),
    queryFn: ({ signal }) => api.get<ChangeRequestPage>('/change-requests', { ...filter, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useChangeRequest(id: string) {
  return useQuery({
    queryKey: changeRequestKeys.detail(id),
    queryFn: ({ signal }) => api.get<ChangeRequestResponse>(`/change-requests/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useCurrentValues() {
  return useQuery({
    queryKey: changeRequestKeys.current,
    queryFn: ({ signal }) => api.get<CurrentValuesResponse>('/change-requests/current', undefined, signal),
  });
}

/** Where the attachment downloads from (same origin, session cookie). */
export function attachmentUrl(id: string): string {
  return `${API_BASE}/change-requests/${encodeURIComponent(id)}/attachment`;
}

/** Multipart upload of the scan; errors come back as ApiError like every other call. */
export async function uploadAttachment(id: string, file: File): Promise<ChangeRequestResponse> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(attachmentUrl(id), {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, i18n.t('errors.network'));
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    throw apiErrorFromBody(response.status, body, i18n.t('errors.http', { status: response.status }));
  }
  return body as ChangeRequestResponse;
}

function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: changeRequestKeys.all });
}

export function useCreateChangeRequest() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: CreateChangeRequestBody) => api.post<ChangeRequestResponse>('/change-requests', body),
    onSuccess: invalidate,
  });
}

export function useUploadAttachment() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: ({ id, file }: { id: string; file: File }) => uploadAttachment(id, file), onSuccess: invalidate });
}

export function useWithdrawChangeRequest() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (id: string) => apiRequest<undefined>(`/change-requests/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useDecideChangeRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: { kind: 'approve' } | { kind: 'reject'; reason: string }) =>
      decision.kind === 'approve'
        ? api.post<ChangeRequestResponse>(`/change-requests/${encodeURIComponent(id)}/approve`)
        : api.post<ChangeRequestResponse>(`/change-requests/${encodeURIComponent(id)}/reject`, { reason: decision.reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: changeRequestKeys.all });
      // The registrant's record changed on approval.
      await queryClient.invalidateQueries({ queryKey: ['registrants'] });
    },
  });
}
