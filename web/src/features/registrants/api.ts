import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActiveStatus, CreateMemberUserBody, UserResponse } from '../../../../src/accounts/accounts.schemas.js';
import type { Page } from '../../../../src/shared/common.schemas.js';
import type {
  AddRegistrantCodeBody,
  CodeSuggestionResponse,
  CreateRegistrantBody,
  RegistrantCodeResponse,
  RegistrantKind,
  RegistrantResponse,
  UpdateRegistrantBody,
  UpdateRegistrantCodeBody,
} from '../../../../src/registrants/registrants.schemas.js';
import { api } from '../../lib/api-client';

export const PAGE_SIZE = 10;

export interface RegistrantFilter {
  page: number;
  q?: string;
  kind?: RegistrantKind;
  status?: ActiveStatus;
}

export const registrantKeys = {
  all: ['registrants'] as const,
  list: (filter: RegistrantFilter) => ['registrants', 'list', filter] as const,
  detail: (id: string) => ['registrants', 'detail', id] as const,
  codes: (id: string) => ['registrants', 'detail', id, 'codes'] as const,
  users: (id: string) => ['registrants', 'detail', id, 'users'] as const,
};

export const codeSuggestionKey = ['registrant-codes', 'suggestion'] as const;

export function useRegistrantList(filter: RegistrantFilter) {
  return useQuery({
    queryKey: registrantKeys.list(filter),
    queryFn: ({ signal }) => api.get<Page<RegistrantResponse>>('/registrants', { ...filter, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRegistrant(id: string) {
  return useQuery({
    queryKey: registrantKeys.detail(id),
    queryFn: ({ signal }) => api.get<RegistrantResponse>(`/registrants/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useCreateRegistrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRegistrantBody) => api.post<RegistrantResponse>('/registrants', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registrantKeys.all }),
  });
}

export function useUpdateRegistrant(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRegistrantBody) => api.patch<RegistrantResponse>(`/registrants/${encodeURIComponent(id)}`, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(registrantKeys.detail(id), updated);
      return queryClient.invalidateQueries({ queryKey: registrantKeys.all });
    },
  });
}

export function useRegistrantCodes(id: string) {
  return useQuery({
    queryKey: registrantKeys.codes(id),
    queryFn: ({ signal }) => api.get<RegistrantCodeResponse[]>(`/registrants/${encodeURIComponent(id)}/codes`, undefined, signal),
  });
}

/** The next free registrant code; always fetched fresh when a form opens. */
export function useCodeSuggestion(enabled: boolean) {
  return useQuery({
    queryKey: codeSuggestionKey,
    queryFn: ({ signal }) => api.get<CodeSuggestionResponse>('/registrant-codes/suggestion', undefined, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useAddRegistrantCode(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddRegistrantCodeBody) => api.post<RegistrantCodeResponse>(`/registrants/${encodeURIComponent(id)}/codes`, body),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: registrantKeys.all }), queryClient.invalidateQueries({ queryKey: codeSuggestionKey })]),
  });
}

/** Corrects the year a code was allocated (administrator); shown in registrant and pool code tables. */
export function useUpdateCodeYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateRegistrantCodeBody }) =>
      api.patch<RegistrantCodeResponse>(`/registrant-codes/${encodeURIComponent(id)}`, body),
    // Registrant codes, and the pool codes on the settings page (its key, written out to avoid an import cycle).
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: registrantKeys.all }), queryClient.invalidateQueries({ queryKey: ['settings'] })]),
  });
}

export function useRegistrantUsers(id: string) {
  return useQuery({
    queryKey: registrantKeys.users(id),
    queryFn: ({ signal }) => api.get<UserResponse[]>(`/registrants/${encodeURIComponent(id)}/users`, undefined, signal),
  });
}

export function useCreateRegistrantUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMemberUserBody) => api.post<UserResponse>(`/registrants/${encodeURIComponent(id)}/users`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registrantKeys.users(id) }),
  });
}
