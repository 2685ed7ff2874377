import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnnualReportResponse, StatsResponse } from '../../../../src/stats/stats.schemas.js';
import { api } from '../../lib/api-client';

export function useYearStats(year: number, registrantId: string | undefined) {
  return useQuery({
    queryKey: ['stats', year, registrantId ?? null],
    queryFn: ({ signal }) => api.get<StatsResponse>('/stats', { year, registrantId }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The agency-wide figures of the year, for the list of registrants to filter by (staff only). */
export function useStatsRegistrants(year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['stats', year, null],
    queryFn: ({ signal }) => api.get<StatsResponse>('/stats', { year }, signal),
    enabled,
    select: (s) => s.byRegistrant,
  });
}

export function useAnnualReport(year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['stats', 'annual', year],
    queryFn: ({ signal }) => api.get<AnnualReportResponse>('/stats/annual-report', { year }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
