import { useMemo } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AgencyContact, AgencyResponse } from '../../../../src/settings/settings.schemas.js';
import { api } from '../../lib/api-client';
import { DEFAULT_AGENCY_CLOCK, agencyClock, agencyInfoFrom, type AgencyClock, type AgencyInfo } from './agency-clock';

export const agencyQueryKey = ['agency'] as const;

/** GET /agency (public), with the skew between the server's clock and the browser's at receipt. */
export async function fetchAgency(signal?: AbortSignal): Promise<AgencyInfo> {
  const sentAt = Date.now();
  const response = await api.get<AgencyResponse>('/agency', undefined, signal);
  return agencyInfoFrom(response, sentAt, Date.now());
}

/** Asked once a session (the app prefetches it at start): the zone is configuration and the skew barely drifts. */
export const agencyQuery = queryOptions({
  queryKey: agencyQueryKey,
  queryFn: ({ signal }) => fetchAgency(signal),
  staleTime: 6 * 60 * 60_000,
  gcTime: Infinity,
});

export function useAgencyInfo() {
  return useQuery(agencyQuery);
}

export interface Agency extends AgencyClock {
  /** The agency's country prefix, once known. */
  readonly countryCode: string | undefined;
  /** How to reach the agency (name, address, phone, e-mail), once known. */
  readonly contact: AgencyContact | undefined;
  /** Whether GET /agency has answered; until then the zone is Asia/Taipei and the clock the browser's. */
  readonly loaded: boolean;
}

/**
 * The agency's time zone and clock for components: `agencyNow()`, `agencyYear()`, `formatDate(value)`,
 * `timeZone`. Stable between renders until /agency answers, so it can sit in dependency lists.
 */
export function useAgency(): Agency {
  const { data } = useAgencyInfo();
  return useMemo(() => {
    const clock = data === undefined ? DEFAULT_AGENCY_CLOCK : agencyClock(data.timeZone, data.skewMs);
    return { ...clock, countryCode: data?.countryCode, contact: data?.contact, loaded: data !== undefined };
  }, [data]);
}
