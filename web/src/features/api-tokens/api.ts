import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiTokenResponse, CreateApiTokenBody, CreatedApiTokenResponse } from '../../../../src/api-tokens/api-tokens.schemas.js';
import { api, apiRequest } from '../../lib/api-client';

export const apiTokensKey = ['api-tokens'] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: apiTokensKey,
    queryFn: ({ signal }) => api.get<ApiTokenResponse[]>('/api-tokens', undefined, signal),
    staleTime: 0,
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => api.post<CreatedApiTokenResponse>('/api-tokens', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<undefined>(`/api-tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}
