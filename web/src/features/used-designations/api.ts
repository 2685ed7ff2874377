import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UsageResponse, UsedCodeStatus, UsedCodesPage } from '../../../../src/used-designations/used-designations.schemas.js';
import { api } from '../../lib/api-client';
import { downloadExport } from '../../lib/download';

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
export function downloadUsedCodes(format: 'csv' | 'xlsx', filters: UsageFilters): Promise<void> {
  return downloadExport(`/used-designations.${format}`, { ...filters }, `used-designations.${format}`);
}
