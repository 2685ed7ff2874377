import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AudioDepositPage, AudioDepositResponse } from '../../../../src/deposit/audio-deposit.schemas.js';
import { api, isApiError } from '../../lib/api-client';
import { albumKeys } from '../albums/api';
import { PAGE_SIZE } from './api';

const audioDepositKey = (albumId: string) => ['deposits', 'audio', 'album', albumId] as const;

/** The album's audio deposit, or null while there is none (the API answers 404 then). */
export function useAudioDeposit(albumId: string, enabled: boolean) {
  return useQuery({
    queryKey: audioDepositKey(albumId),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<AudioDepositResponse>(`/albums/${encodeURIComponent(albumId)}/audio-deposit`, undefined, signal);
      } catch (error) {
        if (isApiError(error) && error.status === 404) {
          return null;
        }
        throw error;
      }
    },
    enabled,
  });
}

/** 影音檔送存: after it the album (its status tag, its tracks' upload rights) and the desk change. */
export function useDepositAudio(albumId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<AudioDepositResponse>(`/albums/${encodeURIComponent(albumId)}/audio-deposit`),
    onSuccess: (deposit) => {
      queryClient.setQueryData(audioDepositKey(albumId), deposit);
      return Promise.all([queryClient.invalidateQueries({ queryKey: ['deposits'] }), queryClient.invalidateQueries({ queryKey: albumKeys.all })]);
    },
  });
}

/** The agency's list of audio deposits, newest first. */
export function useAudioDeposits(page: number) {
  return useQuery({
    queryKey: ['deposits', 'audio', 'list', page],
    queryFn: ({ signal }) => api.get<AudioDepositPage>('/deposits/audio', { page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}
