import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PublicSearchResponse } from '../../../../src/public-search/public-search.schemas.js';
import { api, isApiError } from '../../lib/api-client';

export interface PublicSearchParams {
  q: string;
  page: number;
}

/** No session needed; a 429 is shown as such and never retried (a retry would only count against the limit). */
export function usePublicSearch(params: PublicSearchParams | undefined) {
  return useQuery({
    queryKey: ['public-isrc-search', params],
    queryFn: ({ signal }) => api.get<PublicSearchResponse>('/public/isrc-search', params === undefined ? {} : { ...params }, signal),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Seconds until the rate limit's window ends, from a RATE_LIMITED answer; undefined for other errors. */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!isApiError(error, 'RATE_LIMITED')) {
    return undefined;
  }
  const seconds = error.details['retryAfterSeconds'];
  return typeof seconds === 'number' ? seconds : 60;
}
