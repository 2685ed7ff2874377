/**
 * What a query typed into the agency's one search box means. Pure (no I/O), so the web app can
 * show the same reading ("searching for ISRC TW-A01-26-00001") as the server.
 */
import { normaliseIsrc, parseRegistrantCode, type Isrc, type RegistrantCode } from '../isrc/index.js';

export type SearchReading =
  /** Any spelling normaliseIsrc accepts: hyphens, spaces, lower case, full-width, an "ISRC" label. */
  | { kind: 'isrc'; isrc: Isrc }
  /** Album numbers start at 100001: six or more digits (full-width digits too). */
  | { kind: 'albumNumber'; albumNumber: number }
  /** Three letters or digits: a registrant code if the agency allocated it, else plain text. */
  | { kind: 'registrantCode'; code: RegistrantCode; text: string }
  | { kind: 'text'; text: string };

/** Text as searched: NFC (composed Chinese and accents match what was stored), trimmed. */
export function searchText(q: string): string {
  return q.normalize('NFC').trim();
}

export function readSearchQuery(q: string): SearchReading {
  const text = searchText(q);
  const isrc = normaliseIsrc(text);
  if (isrc.ok) {
    return { kind: 'isrc', isrc: isrc.value };
  }
  const digits = text.normalize('NFKC');
  if (/^\d{6,15}$/.test(digits)) {
    return { kind: 'albumNumber', albumNumber: Number(digits) };
  }
  const code = parseRegistrantCode(text);
  if (code.ok) {
    return { kind: 'registrantCode', code: code.value, text };
  }
  return { kind: 'text', text };
}
