/**
 * The original name of an uploaded file, kept only as metadata (the storage key is the server's
 * own). Browser-safe. Control characters (C0, DEL, C1), the invisible marks that reorder or hide
 * text (bidi controls, the byte-order mark) and what PostgreSQL cannot store are refused, any
 * folder part is dropped, and the length is bounded. Every uploaded file's name goes through here
 * (change-request attachments, track audio by any door).
 */
export const MAX_FILE_NAME_LENGTH = 200;

export type FileNameResult = { ok: true; name: string } | { ok: false; character: string };

/**
 * A UTF-16 unit no file name may hold: C0 controls, DEL and C1 controls; the bidi marks
 * (U+061C, U+200E, U+200F), embeddings, overrides and isolates (`evil\u202Egpj.mp3` shows as
 * "evil3pm.jpg"); and U+FEFF.
 */
function isForbiddenNameUnit(unit: number): boolean {
  return (
    unit < 0x20 ||
    (unit >= 0x7f && unit <= 0x9f) ||
    unit === 0x061c ||
    unit === 0x200e ||
    unit === 0x200f ||
    (unit >= 0x202a && unit <= 0x202e) ||
    (unit >= 0x2066 && unit <= 0x2069) ||
    unit === 0xfeff
  );
}

export function sanitiseFileName(raw: string, fallback: string): FileNameResult {
  for (let i = 0; i < raw.length; i++) {
    const unit = raw.charCodeAt(i);
    const highSurrogate = unit >= 0xd800 && unit <= 0xdbff;
    const pairedHigh = highSurrogate && i + 1 < raw.length && raw.charCodeAt(i + 1) >= 0xdc00 && raw.charCodeAt(i + 1) <= 0xdfff;
    const lowSurrogate = unit >= 0xdc00 && unit <= 0xdfff;
    if (isForbiddenNameUnit(unit) || (highSurrogate && !pairedHigh) || lowSurrogate) {
      return { ok: false, character: `U+${unit.toString(16).toUpperCase().padStart(4, '0')}` };
    }
    if (pairedHigh) {
      i++;
    }
  }
  const base = (raw.split(/[/\\]/).pop() ?? '').normalize('NFC').trim();
  if (base === '' || base === '.' || base === '..') {
    return { ok: true, name: fallback };
  }
  if (base.length <= MAX_FILE_NAME_LENGTH) {
    return { ok: true, name: base };
  }
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return { ok: true, name: Array.from(base.slice(0, MAX_FILE_NAME_LENGTH - ext.length)).join('') + ext };
}

/** `Content-Disposition` with an ASCII fallback and the real name RFC 5987-encoded. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
