import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgencySettingsResponse, UpdateAgencySettingsBody } from '../../../../src/settings/agency-settings.schemas.js';
import { api, apiRequest } from '../../lib/api-client';

const agencySettingsKey = ['settings', 'agency'] as const;

/** 送存 settings: every officer reads them. */
export function useAgencySettings() {
  return useQuery({
    queryKey: agencySettingsKey,
    queryFn: ({ signal }) => api.get<AgencySettingsResponse>('/settings/agency', undefined, signal),
  });
}

/** Administrators change them; the deposit overview follows. */
export function useUpdateAgencySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAgencySettingsBody) => apiRequest<AgencySettingsResponse>('/settings/agency', { method: 'PUT', body }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: agencySettingsKey }), queryClient.invalidateQueries({ queryKey: ['deposits'] })]),
  });
}
