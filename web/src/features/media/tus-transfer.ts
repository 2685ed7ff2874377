import { DetailedError, Upload, defaultOptions, type PreviousUpload } from 'tus-js-client';
import { API_BASE } from '../../lib/api-client';
import { currentLanguage, i18n } from '../../lib/i18n';
import type { Transfer, TransferEvents } from './upload-queue';
import { parseErrorBody, parseUploadOutcome } from './upload-outcome';

/** tus endpoint of the API; absolute, because tus resolves the upload's Location against it. */
export function uploadEndpoint(): string {
  return new URL(`${API_BASE}/uploads`, window.location.origin).toString();
}

/** Waits between attempts after a dropped connection (then the upload waits for the browser to be online). */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000];
/** One request per 32 MiB: a dropped connection loses at most what the server had not written yet. */
const CHUNK_SIZE = 32 * 1024 * 1024;
/** Prefix of our fingerprints in localStorage (tus keeps `tus::<fingerprint>::<n>`). */
export const FINGERPRINT_PREFIX = 'isrc-audio';

/**
 * Who the upload is for is part of its fingerprint: the same file chosen for another track or album
 * is a new upload, and the same file chosen again for the same target (also after a reload)
 * resumes the one the server keeps.
 */
export function fingerprintOf(file: { name: string; size: number; lastModified: number }, albumId: string, trackId: string | null): string {
  return [FINGERPRINT_PREFIX, albumId, trackId ?? 'batch', file.size, file.lastModified, encodeURIComponent(file.name)].join('/');
}

/** Forgets a fingerprint in localStorage (the server no longer keeps that upload: refused or gone). */
async function forgetFingerprint(fingerprint: string): Promise<void> {
  for (const entry of await defaultOptions.urlStorage.findUploadsByFingerprint(fingerprint)) {
    await defaultOptions.urlStorage.removeUpload(entry.urlStorageKey);
  }
}

function failureOf(error: Error, events: TransferEvents, forget: () => void): void {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  if (response === null || response.getStatus() === 0) {
    events.failed(i18n.t('media:errors.network'), true);
    return;
  }
  const body = response.getBody();
  const outcome = parseUploadOutcome(body);
  if (outcome !== null && outcome.status === 'refused') {
    // The server has removed a refused upload: nothing is left to resume.
    forget();
    events.refused(outcome);
    return;
  }
  const status = response.getStatus();
  const message = parseErrorBody(body)?.message ?? i18n.t('errors.http', { status });
  // A 4xx will not change by trying again; a 5xx or a lock might.
  const retryable = status >= 500 || status === 409 || status === 423;
  if (!retryable) {
    forget();
  }
  events.failed(message, retryable);
}

/** A file sent with the tus protocol to `/api/v1/uploads`, resumable after a pause, a dropped connection or a reload. */
export function tusTransfer(file: File, albumId: string, trackId: string | null, events: TransferEvents): Transfer {
  const forget = () => void forgetFingerprint(fingerprintOf(file, albumId, trackId)).catch(() => undefined);
  const upload = new Upload(file, {
    endpoint: uploadEndpoint(),
    metadata: { albumId, filename: file.name, ...(trackId === null ? {} : { trackId }) },
    // The server answers in the user's language; the session cookie goes along (same origin).
    headers: { 'Accept-Language': currentLanguage() },
    chunkSize: CHUNK_SIZE,
    retryDelays: RETRY_DELAYS,
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    fingerprint: (chosen: File) => Promise.resolve(fingerprintOf(chosen, albumId, trackId)),
    onProgress: (sent) => events.progress(sent),
    // tus's own rule (a 4xx other than 409/423 will not change; offline waits for the 'online' event), and the bar says so.
    onShouldRetry: (error) => {
      const status = error.originalResponse?.getStatus() ?? 0;
      const retry = (status < 400 || status >= 500 || status === 409 || status === 423) && navigator.onLine;
      if (retry) {
        events.retrying();
      }
      return retry;
    },
    onSuccess: ({ lastResponse }) => {
      const outcome = parseUploadOutcome(lastResponse.getBody());
      if (outcome !== null && outcome.status === 'refused') {
        forget();
        events.refused(outcome);
      } else {
        events.stored(outcome);
      }
    },
    onError: (error) => failureOf(error, events, forget),
  });

  let first = true;
  let paused = false;
  return {
    start: () => {
      paused = false;
      if (!first) {
        // Stops a retry tus may have waiting, so only one request runs; then resumes from the server's offset.
        void upload.abort(false);
        upload.start();
        return;
      }
      first = false;
      // The first start looks for an upload of this file the server keeps (a reload, a closed laptop).
      upload.findPreviousUploads().then(
        (previous: PreviousUpload[]) => {
          const latest = [...previous].sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
          if (latest !== undefined) {
            upload.resumeFromPreviousUpload(latest);
          }
          if (!paused) {
            upload.start();
          }
        },
        () => {
          if (!paused) {
            upload.start();
          }
        },
      );
    },
    pause: () => {
      paused = true;
      void upload.abort(false);
    },
    cancel: () => upload.abort(true).catch(() => undefined),
  };
}

/** An unfinished upload of this album kept in the browser (tus fingerprints in localStorage). */
export interface UnfinishedUpload {
  key: string;
  fileName: string;
  size: number;
  trackId: string | null;
  uploadUrl: string;
  creationTime: string;
}

export async function unfinishedUploads(albumId: string): Promise<UnfinishedUpload[]> {
  const all = await defaultOptions.urlStorage.findAllUploads();
  return all.flatMap((entry) => {
    const ours = entry.urlStorageKey.startsWith(`tus::${FINGERPRINT_PREFIX}/`);
    if (!ours || entry.metadata['albumId'] !== albumId || entry.uploadUrl === null) {
      return [];
    }
    return [
      {
        key: entry.urlStorageKey,
        fileName: entry.metadata['filename'] ?? '',
        size: entry.size ?? 0,
        trackId: entry.metadata['trackId'] ?? null,
        uploadUrl: entry.uploadUrl,
        creationTime: entry.creationTime,
      },
    ];
  });
}

/** How much of an unfinished upload the server has (null: it has none any more). */
export async function uploadedBytes(uploadUrl: string): Promise<number | null> {
  try {
    const response = await fetch(uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' }, credentials: 'same-origin' });
    const offset = Number.parseInt(response.headers.get('Upload-Offset') ?? '', 10);
    return response.ok && !Number.isNaN(offset) ? offset : null;
  } catch {
    return null;
  }
}

/** Gives up an unfinished upload: the server drops its bytes (unless it has none any more) and the browser forgets it. */
export async function discardUnfinished(upload: UnfinishedUpload, onServer = true): Promise<void> {
  if (onServer) {
    await Upload.terminate(upload.uploadUrl, { headers: { 'Accept-Language': currentLanguage() } }).catch(() => undefined);
  }
  await defaultOptions.urlStorage.removeUpload(upload.key);
}
