import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgencySettingsResponse, UpdateAgencySettingsBody } from '../../../../src/settings/agency-settings.schemas.js';
import { api, apiRequest } from '../../lib/api-client';
import { applyApiErrorToForm, type ApplyErrorOptions } from '../../lib/form-errors';

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

/**
 * Saves one section of the agency settings from its form: a success message, field errors on their
 * fields, anything else in the section's alert.
 */
export function useSaveAgencySettings(form: FormInstance, fields: ApplyErrorOptions['fields'], savedMessage: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const update = useUpdateAgencySettings();
  const save = (body: UpdateAgencySettingsBody) => {
    setAlert(null);
    update.mutateAsync(body).then(
      () => void message.success(savedMessage),
      (error: unknown) => {
        if (!applyApiErrorToForm(form, error, { fields })) {
          setAlert(error instanceof Error ? error.message : t('errors.unknown'));
        }
      },
    );
  };
  return { save, alert, saving: update.isPending };
}
