import type { AudioWarning, UploadOutcome } from './audio-types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWarning(value: unknown): value is AudioWarning {
  return isRecord(value) && typeof value['code'] === 'string' && typeof value['message'] === 'string';
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads the body of a finished upload (`{ fileName, status, trackId?, isrc?, code?, message?,
 * warnings }`); anything else is null (an upload that was already complete answers a HEAD, no body).
 */
export function parseUploadOutcome(body: string): UploadOutcome | null {
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch {
    return null;
  }
  if (!isRecord(value) || (value['status'] !== 'stored' && value['status'] !== 'refused')) {
    return null;
  }
  const warnings = Array.isArray(value['warnings']) ? value['warnings'].filter(isWarning) : [];
  const outcome: UploadOutcome = { fileName: typeof value['fileName'] === 'string' ? value['fileName'] : '', status: value['status'], warnings };
  const trackId = optionalText(value['trackId']);
  const isrc = optionalText(value['isrc']);
  const code = optionalText(value['code']);
  const message = optionalText(value['message']);
  return {
    ...outcome,
    ...(trackId === undefined ? {} : { trackId }),
    ...(isrc === undefined ? {} : { isrc }),
    ...(code === undefined ? {} : { code }),
    ...(message === undefined ? {} : { message }),
  };
}

/** The message of an API error body (`{ error: { code, message } }`), if that is what it is. */
export function parseErrorBody(body: string): { code: string; message: string } | null {
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch {
    return null;
  }
  if (!isRecord(value) || !isRecord(value['error'])) {
    return null;
  }
  const { code, message } = value['error'];
  return typeof code === 'string' && typeof message === 'string' && message !== '' ? { code, message } : null;
}
