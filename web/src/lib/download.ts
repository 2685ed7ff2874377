import { API_BASE, type QueryParams } from './api-client';
import { apiErrorFromBody, ApiError, NETWORK_ERROR } from './api-error';
import { currentLanguage, i18n } from './i18n';

/** The file name a Content-Disposition header gives, or the fallback. */
export function fileNameFrom(header: string | null, fallback: string): string {
  const match = header === null ? null : /filename="?([^";]+)"?/.exec(header);
  return match?.[1] ?? fallback;
}

/**
 * Downloads an export (CSV, .xlsx) through fetch rather than a plain link, so the file's headers
 * follow the UI language (Accept-Language) and a refusal shows as an error message, not a saved
 * error page.
 */
export async function downloadExport(path: string, query: QueryParams, fallbackName: string): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}?${params.toString()}`, {
      headers: { 'Accept-Language': currentLanguage() },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, i18n.t('errors.network'));
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
    throw apiErrorFromBody(response.status, body, i18n.t('errors.http', { status: response.status }));
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
