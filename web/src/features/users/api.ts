import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateStaffUserBody, UpdateUserBody, UserResponse } from '../../../../src/accounts/accounts.schemas.js';
import { api } from '../../lib/api-client';

export const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => api.get<UserResponse[]>('/users', undefined, signal),
  });
}

export function useCreateStaffUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStaffUserBody) => api.post<UserResponse>('/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** PATCH /users/:id — status or password reset, for staff and registrant users alike. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => api.patch<UserResponse>(`/users/${encodeURIComponent(id)}`, body),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: usersKey }), queryClient.invalidateQueries({ queryKey: ['registrants'] })]),
  });
}
