import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, LoginBody, MeResponse, Role } from '../../../../src/accounts/accounts.schemas.js';
import { api, isApiError } from '../../lib/api-client';
import { agencyQueryKey } from '../agency/use-agency';

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when there is no session (401). */
export async function fetchMe(signal?: AbortSignal): Promise<MeResponse | null> {
  try {
    return await api.get<MeResponse>('/auth/me', undefined, signal);
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<MeResponse>('/auth/login', body),
    onSuccess: (me) => {
      // The agency's zone and clock are public and the same for everyone: kept.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] && query.queryKey[0] !== agencyQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<undefined>('/auth/logout'),
    onSettled: (_data, error) => {
      if (error === null || (isApiError(error) && error.status === 401)) {
        // Everything but the agency's zone and clock, which are public and the same for everyone.
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== agencyQueryKey[0] });
        queryClient.getMutationCache().clear();
        queryClient.setQueryData(meQueryKey, null);
      }
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<undefined>('/auth/password', body),
    onSuccess: () => {
      queryClient.setQueryData<MeResponse | null>(meQueryKey, (me) => (me ? { ...me, user: { ...me.user, mustChangePassword: false } } : me));
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export const STAFF: readonly Role[] = ['agency_admin', 'agency_officer'];
export const ADMIN: readonly Role[] = ['agency_admin'];
export const MEMBER: readonly Role[] = ['registrant_member'];

export function hasRole(me: MeResponse | null | undefined, roles: readonly Role[]): boolean {
  return me !== null && me !== undefined && roles.includes(me.user.role);
}
