import { useContext } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NextAvailableResponse } from '../../../../src/allocation/allocation.schemas.js';
import type { AddTrackBody, CitableRecording, IsrcChoice, RecordingFields, TrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import type { RegistrantCodeResponse } from '../../../../src/registrants/registrants.schemas.js';
import { MeContext } from '../../app/me-context';
import { api, apiRequest } from '../../lib/api-client';
import { registrantKeys } from '../registrants/api';
import { albumApiPath, albumKeys } from '../albums/api';
import { mayTakeNextAvailable } from './next-available';
import { trackApiPath } from './paths';

export const trackKeys = {
  detail: (albumId: string, trackId: string) => [...albumKeys.detail(albumId), 'track', trackId] as const,
  citable: (q: string) => ['recordings', 'citable', q] as const,
  nextIsrc: (registrantCode: string | undefined) => ['allocations', 'next', registrantCode ?? ''] as const,
};

/** A track change shows on the album (its track list, 完成, durations) and in the album lists. */
function useRefreshAlbum() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: albumKeys.all });
}

export function useTrack(albumId: string, trackId: string, enabled: boolean) {
  return useQuery({
    queryKey: trackKeys.detail(albumId, trackId),
    queryFn: ({ signal }) => api.get<TrackResponse>(trackApiPath(albumId, trackId), undefined, signal),
    enabled,
  });
}

export function useAddTrack(albumId: string) {
  const refresh = useRefreshAlbum();
  return useMutation({
    mutationFn: (body: AddTrackBody) => api.post<TrackResponse>(albumApiPath(albumId, '/tracks'), body),
    onSuccess: refresh,
  });
}

/** 儲存修改 of an existing track: its fields, then its ISRC when that was changed. */
export function useSaveTrack(albumId: string, trackId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshAlbum();
  return useMutation({
    mutationFn: async ({ fields, isrc }: { fields: RecordingFields; isrc: IsrcChoice | undefined }) => {
      let track = await api.patch<TrackResponse>(trackApiPath(albumId, trackId), fields);
      queryClient.setQueryData(trackKeys.detail(albumId, trackId), track);
      if (isrc !== undefined) {
        track = await apiRequest<TrackResponse>(trackApiPath(albumId, trackId, '/isrc'), { method: 'PUT', body: { isrc } });
        queryClient.setQueryData(trackKeys.detail(albumId, trackId), track);
      }
      return track;
    },
    onSettled: refresh,
  });
}

export function useDeleteTrack(albumId: string) {
  const refresh = useRefreshAlbum();
  return useMutation({
    mutationFn: (trackId: string) => apiRequest<undefined>(trackApiPath(albumId, trackId), { method: 'DELETE' }),
    onSettled: refresh,
  });
}

export function useCiteTrack(albumId: string) {
  const refresh = useRefreshAlbum();
  return useMutation({
    mutationFn: (recordingId: string) => api.post<TrackResponse>(albumApiPath(albumId, '/tracks/cite'), { recordingId }),
    onSuccess: refresh,
  });
}

/** Approved recordings to cite: one's own by title or ISRC, anyone's by the exact ISRC. */
export function useCitableSearch(q: string) {
  return useQuery({
    queryKey: trackKeys.citable(q),
    queryFn: ({ signal }) => api.get<CitableRecording[]>('/recordings/citable', { q }, signal),
    enabled: q !== '',
    staleTime: 0,
  });
}

/**
 * The code 「下一個可用編號」 would give now (not reserved): always asked afresh. Never asked for an
 * individual (the server refuses them: their codes come only with 送出審核) nor outside a session.
 */
export function useNextIsrc(registrantCode: string | undefined, enabled: boolean) {
  const me = useContext(MeContext);
  return useQuery({
    queryKey: trackKeys.nextIsrc(registrantCode),
    queryFn: ({ signal }) =>
      api.get<NextAvailableResponse>('/allocations/next', registrantCode === undefined ? undefined : { registrantCode }, signal),
    enabled: enabled && mayTakeNextAvailable(me),
    staleTime: 0,
    gcTime: 0,
  });
}

/** A company's registrant codes with the year each was allocated (one request, shared by the two hooks below). */
function ownCodesQuery(registrantId: string | undefined, enabled: boolean) {
  return {
    queryKey: registrantKeys.codes(registrantId ?? ''),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<RegistrantCodeResponse[]>(`/registrants/${encodeURIComponent(registrantId ?? '')}/codes`, undefined, signal),
    enabled: enabled && registrantId !== undefined,
  };
}

/** A company's registrant codes, to check 自行輸入 as typed. */
export function useOwnRegistrantCodes(registrantId: string | undefined, enabled: boolean) {
  return useQuery({ ...ownCodesQuery(registrantId, enabled), select: (codes) => codes.map((c) => c.code) });
}

/** The year each of a company's codes was allocated: a typed code of ours may not carry an earlier year (except 回溯編碼). */
export function useOwnCodeYears(registrantId: string | undefined, enabled: boolean) {
  return useQuery({ ...ownCodesQuery(registrantId, enabled), select: (codes) => Object.fromEntries(codes.map((c) => [c.code, c.allocatedYear])) });
}
