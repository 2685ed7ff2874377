import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlbumFields, AlbumPage, AlbumResponse, AlbumSort, AlbumView, CreateAlbumBody } from '../../../../src/catalog/catalog.schemas.js';
import { api, apiRequest } from '../../lib/api-client';

export const ALBUM_PAGE_SIZE = 10;

export interface AlbumFilter {
  view: AlbumView;
  page: number;
  q?: string;
  sort?: AlbumSort;
  order?: 'asc' | 'desc';
}

export const albumKeys = {
  all: ['albums'] as const,
  lists: ['albums', 'list'] as const,
  list: (filter: AlbumFilter) => ['albums', 'list', filter] as const,
  detail: (id: string) => ['albums', 'detail', id] as const,
};

/** API path of an album (and, with a suffix, of something under it). */
export function albumApiPath(id: string, suffix = ''): string {
  return `/albums/${encodeURIComponent(id)}${suffix}`;
}

/** Page of an album in the app. */
export function albumPagePath(id: string, tab?: 'album' | 'tracks'): string {
  return `/albums/${encodeURIComponent(id)}${tab === 'tracks' ? '?tab=tracks' : ''}`;
}

export function useAlbumList(filter: AlbumFilter, enabled = true) {
  return useQuery({
    queryKey: albumKeys.list(filter),
    queryFn: ({ signal }) => api.get<AlbumPage>('/albums', { ...filter, pageSize: ALBUM_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function albumQuery(id: string) {
  return {
    queryKey: albumKeys.detail(id),
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<AlbumResponse>(albumApiPath(id), undefined, signal),
  };
}

export function useAlbum(id: string) {
  return useQuery(albumQuery(id));
}

export function useCreateAlbum() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAlbumBody) => api.post<AlbumResponse>('/albums', body),
    onSuccess: (album) => {
      queryClient.setQueryData(albumKeys.detail(album.id), album);
      return queryClient.invalidateQueries({ queryKey: albumKeys.lists });
    },
  });
}

export function useUpdateAlbum(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AlbumFields) => api.patch<AlbumResponse>(albumApiPath(id), body),
    onSuccess: (album) => {
      queryClient.setQueryData(albumKeys.detail(id), album);
      return queryClient.invalidateQueries({ queryKey: albumKeys.lists });
    },
  });
}

/** Deletes a draft album; with `trackIds`, those tracks first (the server refuses an album with tracks). */
export function useDeleteAlbum() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, trackIds = [] }: { id: string; trackIds?: readonly string[] }) => {
      for (const trackId of trackIds) {
        await apiRequest<undefined>(albumApiPath(id, `/tracks/${encodeURIComponent(trackId)}`), { method: 'DELETE' });
      }
      await apiRequest<undefined>(albumApiPath(id), { method: 'DELETE' });
    },
    onSuccess: (_data, { id }) => queryClient.removeQueries({ queryKey: albumKeys.detail(id) }),
    // Also after a failure part-way: some tracks may be gone already.
    onSettled: () => queryClient.invalidateQueries({ queryKey: albumKeys.all }),
  });
}

export function useSubmitAlbum(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<AlbumResponse>(albumApiPath(id, '/submit')),
    onSuccess: (album) => {
      queryClient.setQueryData(albumKeys.detail(id), album);
      return queryClient.invalidateQueries({ queryKey: albumKeys.lists });
    },
  });
}
