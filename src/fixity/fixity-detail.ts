/**
 * Why a fixity check did not pass, as a stable code with its facts: stored as JSON in
 * `fixity_events.detail` and rendered in zh-TW or English where it is shown (the 保存檢核 page, the
 * console). Events recorded before the codes hold English text; they come back as `text`.
 */
export type FixityDetail =
  | { code: 'notInStorage'; params: { storageKey: string } }
  /** `error` is the storage's own message (technical, English, as the storage gave it). */
  | { code: 'unreadable'; params: { bytesRead: number; error: string } }
  | { code: 'mismatch'; params: { expectedSize: number; expectedSha256: string; bytesRead: number; computedSha256: string } }
  | { code: 'text'; params: { text: string } };

export function encodeFixityDetail(detail: FixityDetail): string {
  return JSON.stringify(detail);
}

function isParams(value: unknown): value is Record<string, string | number> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number');
}

/** The stored detail read back; anything not written by `encodeFixityDetail` is legacy text. */
export function decodeFixityDetail(stored: string | null): FixityDetail | null {
  if (stored === null) {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(stored);
    if (typeof parsed === 'object' && parsed !== null && 'code' in parsed && 'params' in parsed && isParams(parsed.params)) {
      const { code, params } = parsed;
      const has = (name: string, type: 'string' | 'number') => typeof params[name] === type;
      switch (code) {
        case 'notInStorage':
          if (has('storageKey', 'string')) {
            return { code, params: { storageKey: String(params.storageKey) } };
          }
          break;
        case 'unreadable':
          if (has('bytesRead', 'number') && has('error', 'string')) {
            return { code, params: { bytesRead: Number(params.bytesRead), error: String(params.error) } };
          }
          break;
        case 'mismatch':
          if (has('expectedSize', 'number') && has('bytesRead', 'number') && has('expectedSha256', 'string') && has('computedSha256', 'string')) {
            return {
              code,
              params: {
                expectedSize: Number(params.expectedSize),
                expectedSha256: String(params.expectedSha256),
                bytesRead: Number(params.bytesRead),
                computedSha256: String(params.computedSha256),
              },
            };
          }
          break;
      }
    }
  } catch {
    // Not JSON: text from before the codes.
  }
  return { code: 'text', params: { text: stored } };
}

/** The English sentence (console, logs; the web renders the code itself in either language). */
export function fixityDetailInEnglish(detail: FixityDetail): string {
  switch (detail.code) {
    case 'notInStorage':
      return `not in storage under ${detail.params.storageKey}`;
    case 'unreadable':
      return `could not be read after ${detail.params.bytesRead} bytes: ${detail.params.error}`;
    case 'mismatch':
      return `expected ${detail.params.expectedSize} bytes with SHA-256 ${detail.params.expectedSha256}; read ${detail.params.bytesRead} bytes with SHA-256 ${detail.params.computedSha256}`;
    case 'text':
      return detail.params.text;
  }
}
