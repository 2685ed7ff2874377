import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchGroupName, SearchResponse } from '../../../../src/search/search.schemas.js';
import { api } from '../../lib/api-client';

export interface SearchParams {
  q: string;
  kind?: SearchGroupName;
  page: number;
}

export function useAgencySearch(params: SearchParams | undefined) {
  return useQuery({
    queryKey: ['search', params],
    queryFn: ({ signal }) => api.get<SearchResponse>('/search', params === undefined ? {} : { ...params }, signal),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
  });
}
