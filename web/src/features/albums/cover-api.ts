import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import type { AlbumCover } from '../../../../src/media/covers.schemas.js';
import { API_BASE, apiRequest } from '../../lib/api-client';
import { ApiError, NETWORK_ERROR, apiErrorFromBody } from '../../lib/api-error';
import { currentLanguage, i18n } from '../../lib/i18n';
import { albumApiPath, albumKeys } from './api';

export interface UploadProgress {
  loaded: number;
  total: number;
}

function parse(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * 上傳專輯封面: a multipart PUT through XMLHttpRequest, the one browser API that reports upload
 * progress. Errors come back as ApiError, like every other call.
 */
export function uploadCover(albumId: string, file: File, onProgress: (progress: UploadProgress) => void): Promise<AlbumCover> {
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `${API_BASE}${albumApiPath(albumId, '/cover')}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress({ loaded: event.loaded, total: event.total });
      }
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        // The server's response schema (AlbumCover) is the contract.
        resolve(body as AlbumCover);
      } else {
        reject(apiErrorFromBody(xhr.status, body, i18n.t('errors.http', { status: xhr.status })));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, i18n.t('errors.network')));
    xhr.send(form);
  });
}

/** Puts the album's new cover (or none) into the cached album, and refreshes the lists' thumbnails. */
function useSetCover(albumId: string) {
  const queryClient = useQueryClient();
  return async (cover: AlbumCover | null) => {
    queryClient.setQueryData<AlbumResponse>(albumKeys.detail(albumId), (album) => (album === undefined ? album : { ...album, cover }));
    await queryClient.invalidateQueries({ queryKey: albumKeys.lists });
  };
}

export function useUploadCover(albumId: string) {
  const setCover = useSetCover(albumId);
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (progress: UploadProgress) => void }) => uploadCover(albumId, file, onProgress),
    onSuccess: (cover) => setCover(cover),
  });
}

export function useRemoveCover(albumId: string) {
  const setCover = useSetCover(albumId);
  return useMutation({
    mutationFn: () => apiRequest<undefined>(albumApiPath(albumId, '/cover'), { method: 'DELETE' }),
    onSuccess: () => setCover(null),
  });
}
