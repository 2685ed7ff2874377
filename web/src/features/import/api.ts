import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportPreviewResponse } from '../../../../src/import/import.schemas.js';
import { API_BASE, api } from '../../lib/api-client';
import { ApiError, NETWORK_ERROR, apiErrorFromBody } from '../../lib/api-error';
import { currentLanguage, i18n } from '../../lib/i18n';
import { albumKeys } from '../albums/api';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface PreviewUpload {
  file: File;
  cover: File | undefined;
  nextAvailable: boolean;
}

/** The preview's texts (messages, labels) come in the request's language: one cache entry per language. */
export const importKeys = {
  preview: (id: string, language: string) => ['import', 'preview', id, language] as const,
};

/** 批次上傳範本, downloaded as a plain link (a same-origin GET carries the session cookie). */
export function templateUrl(lang: 'zh-TW' | 'en'): string {
  return `${API_BASE}/import/template?${new URLSearchParams({ lang, kind: 'album' }).toString()}`;
}

function parse(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * 預覽資料: the workbook and the cover as one multipart POST through XMLHttpRequest, the one browser
 * API that reports upload progress. Errors come back as ApiError, like every other call.
 */
export function uploadPreview(
  { file, cover, nextAvailable }: PreviewUpload,
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportPreviewResponse> {
  const form = new FormData();
  // The text field first: the server reads the parts in order, and a field after the files still counts.
  form.append('nextAvailable', nextAvailable ? 'true' : 'false');
  form.append('file', file, file.name);
  if (cover !== undefined) {
    form.append('cover', cover, cover.name);
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/import/previews`);
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
        // The server's response schema (ImportPreviewResponse) is the contract.
        resolve(body as ImportPreviewResponse);
      } else {
        reject(apiErrorFromBody(xhr.status, body, i18n.t('errors.http', { status: xhr.status })));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, i18n.t('errors.network')));
    xhr.send(form);
  });
}

export function useImportPreview(id: string | undefined) {
  const language = currentLanguage();
  return useQuery({
    queryKey: importKeys.preview(id ?? '', language),
    queryFn: ({ signal }) => api.get<ImportPreviewResponse>(`/import/previews/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== undefined,
    retry: false,
  });
}

/** 確認匯入: idempotent on the server, so a retry after a dropped connection answers the same album. */
export function useConfirmImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ImportPreviewResponse>(`/import/previews/${encodeURIComponent(id)}/confirm`),
    onSuccess: (preview) => {
      queryClient.setQueryData(importKeys.preview(preview.id, currentLanguage()), preview);
      // The new album shows in the album lists.
      void queryClient.invalidateQueries({ queryKey: albumKeys.all });
    },
  });
}
