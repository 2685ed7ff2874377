import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { albumApiPath, albumKeys } from '../albums/api';

/** 移除: deletes a track's audio; the album (its tracks, 完成, deposit) is read again. */
export function useRemoveAudio(albumId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (trackId: string) =>
      apiRequest<undefined>(albumApiPath(albumId, `/tracks/${encodeURIComponent(trackId)}/audio`), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: albumKeys.all }),
  });
}
