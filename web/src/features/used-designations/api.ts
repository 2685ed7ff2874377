import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UsageResponse, UsedCodeStatus, UsedCodesPage } from '../../../../src/used-designations/used-designations.schemas.js';
import { API_BASE, api } from '../../lib/api-client';
import { apiErrorFromBody } from '../../lib/api-error';
import { currentLanguage, i18n } from '../../lib/i18n';

/** Every list shows 10 rows a page. */
export const PAGE_SIZE = 10;

/** What the page asks for; undefined fields are left to the server (year: this year in the agency's zone). */
export interface UsageFilters {
  year?: number | undefined;
  registrantId?: string | undefined;
  registrantCode?: string | undefined;
  status?: UsedCodeStatus | undefined;
}

const usageKeys = {
  all: ['used-designations'] as const,
  summary: (f: UsageFilters) => [...usageKeys.all, 'summary', f] as const,
  codes: (f: UsageFilters, page: number) => [...usageKeys.all, 'codes', f, page] as const,
};

function summaryQuery(f: UsageFilters) {
  return { year: f.year, registrantId: f.registrantId, registrantCode: f.registrantCode };
}

export function useUsageSummary(filters: UsageFilters, enabled = true) {
  return useQuery({
    queryKey: usageKeys.summary(summaryQuery(filters)),
    queryFn: ({ signal }) => api.get<UsageResponse>('/used-designations', summaryQuery(filters), signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUsedCodes(filters: UsageFilters, page: number, enabled = true) {
  return useQuery({
    queryKey: usageKeys.codes(filters, page),
    queryFn: ({ signal }) => api.get<UsedCodesPage>('/used-designations/codes', { ...filters, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Downloads the year's codes as CSV or .xlsx (headers in the UI language) under the server's file name. */
export async function downloadUsedCodes(format: 'csv' | 'xlsx', filters: UsageFilters): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, string | number | undefined][]) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  const response = await fetch(`${API_BASE}/used-designations.${format}${search === '' ? '' : `?${search}`}`, {
    headers: { 'Accept-Language': currentLanguage() },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw apiErrorFromBody(response.status, body, i18n.t('errors.http', { status: response.status }));
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `used-designations.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
