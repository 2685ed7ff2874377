import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportPreviewResponse, ImportProgress } from '../../../../src/import/import.schemas.js';
import { API_BASE, api } from '../../lib/api-client';
import { ApiError, NETWORK_ERROR, apiErrorFromBody } from '../../lib/api-error';
import { currentLanguage, i18n } from '../../lib/i18n';
import { albumKeys } from '../albums/api';
import { NDJSON, StreamReader } from './import-stream';

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
  preview: (id: string, language: string, albumPage = 1) => ['import', 'preview', id, language, albumPage] as const,
};

/** A catalogue's albums a page in the preview. */
export const ALBUM_PAGE_SIZE = 10;

/** 批次上傳範本 (one album, or a back catalogue keyed by 專輯代號), downloaded as a plain link (a same-origin GET carries the session cookie). */
export function templateUrl(lang: 'zh-TW' | 'en', kind: 'album' | 'catalogue' = 'album'): string {
  return `${API_BASE}/import/template?${new URLSearchParams({ lang, kind }).toString()}`;
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
  onServerProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportPreviewResponse> {
  const form = new FormData();
  // The text field first: the server reads the parts in order, and a field after the files still counts.
  form.append('nextAvailable', nextAvailable ? 'true' : 'false');
  form.append('file', file, file.name);
  if (cover !== undefined) {
    form.append('cover', cover, cover.name);
  }
  return streamedRequest(`${API_BASE}/import/previews`, form, onServerProgress, (xhr) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress({ loaded: event.loaded, total: event.total });
      }
    };
  });
}

/**
 * A POST whose answer streams progress lines (NDJSON) and then the preview; XMLHttpRequest shows the
 * text as it arrives. A refusal before the work starts is an ordinary JSON error with its status.
 */
function streamedRequest(
  url: string,
  body: FormData | null,
  onServerProgress: (progress: ImportProgress) => void,
  prepare: (xhr: XMLHttpRequest) => void = () => undefined,
): Promise<ImportPreviewResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const reader = new StreamReader(onServerProgress);
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', `${NDJSON}, application/json`);
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    prepare(xhr);
    const streamed = () => (xhr.getResponseHeader('content-type') ?? '').includes(NDJSON);
    xhr.onprogress = () => {
      if (streamed()) {
        reader.read(xhr.responseText);
      }
    };
    xhr.onload = () => {
      const fail = (status: number, errorBody: unknown) => reject(apiErrorFromBody(status, errorBody, i18n.t('errors.http', { status })));
      if (!streamed()) {
        const parsed = parse(xhr.responseText);
        // The server's response schema (ImportPreviewResponse) is the contract.
        return xhr.status >= 200 && xhr.status < 300 ? resolve(parsed as ImportPreviewResponse) : fail(xhr.status, parsed);
      }
      reader.read(`${xhr.responseText}\n`);
      const end = reader.result();
      if (end === undefined) {
        reject(new ApiError(0, NETWORK_ERROR, i18n.t('errors.network')));
      } else if (end.type === 'result') {
        resolve(end.preview);
      } else {
        fail(end.status, end.body);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, i18n.t('errors.network')));
    xhr.send(body);
  });
}

export function useImportPreview(id: string | undefined, albumPage = 1) {
  const language = currentLanguage();
  return useQuery({
    queryKey: importKeys.preview(id ?? '', language, albumPage),
    queryFn: ({ signal }) =>
      api.get<ImportPreviewResponse>(
        `/import/previews/${encodeURIComponent(id ?? '')}?${new URLSearchParams({ albumPage: String(albumPage), albumPageSize: String(ALBUM_PAGE_SIZE) }).toString()}`,
        undefined,
        signal,
      ),
    enabled: id !== undefined,
    retry: false,
    // Paging through a catalogue keeps the page on screen until the next one arrives.
    placeholderData: (previous) => previous,
  });
}

/**
 * 確認匯入, streamed: the progress of a catalogue's writing comes back on the same request, so the
 * page shows it even while the embedded database is busy with the transaction. Idempotent on the
 * server: a retry after a dropped connection answers the same albums.
 */
export function useConfirmImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, onProgress }: { id: string; onProgress: (progress: ImportProgress) => void }) =>
      streamedRequest(`${API_BASE}/import/previews/${encodeURIComponent(id)}/confirm`, null, onProgress),
    onSuccess: (preview) => {
      void queryClient.invalidateQueries({ queryKey: ['import', 'preview', preview.id] });
      // The new album shows in the album lists.
      void queryClient.invalidateQueries({ queryKey: albumKeys.all });
    },
  });
}
