import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddRegistrantCodeBody, RegistrantCodeResponse } from '../../../../src/registrants/registrants.schemas.js';
import type { SettingsResponse } from '../../../../src/settings/settings.schemas.js';
import { api } from '../../lib/api-client';
import { codeSuggestionKey } from '../registrants/api';

export const settingsKey = ['settings'] as const;

export function useSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get<SettingsResponse>('/settings', undefined, signal),
  });
}

export function useAddPoolCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddRegistrantCodeBody) => api.post<RegistrantCodeResponse>('/settings/pool-codes', body),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: settingsKey }), queryClient.invalidateQueries({ queryKey: codeSuggestionKey })]),
  });
}
