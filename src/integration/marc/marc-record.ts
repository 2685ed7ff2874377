/**
 * A MARC 21 record in memory, written out by marc-iso2709.ts and marc-xml.ts. Pure and browser-safe.
 * Values are plain Unicode strings; the writers encode them as UTF-8 (leader position 9 `a`).
 */
export interface Subfield {
  readonly code: string;
  readonly value: string;
}

export interface ControlField {
  readonly tag: string;
  readonly value: string;
}

export interface DataField {
  readonly tag: string;
  readonly ind1: string;
  readonly ind2: string;
  readonly subfields: readonly Subfield[];
}

export interface MarcRecord {
  /** The 24-character leader; positions 0–4 and 12–16 are filled in by the ISO 2709 writer. */
  readonly leader: string;
  readonly controlFields: readonly ControlField[];
  readonly dataFields: readonly DataField[];
}

/** ISO 2709 field terminator, subfield delimiter and record terminator. */
export const FIELD_TERMINATOR = '\x1e';
export const SUBFIELD_DELIMITER = '\x1f';
export const RECORD_TERMINATOR = '\x1d';

/**
 * Registrant text as MARC data: C0 controls (including the ISO 2709 delimiters, which would cut a
 * field short) and line breaks become spaces, runs of spaces collapse, and the result is NFC.
 */
export function marcText(value: string): string {
  return (
    value
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\x00-\x1f\x7f\ufffe\uffff]/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

/** `text` ending in `mark`, unless it already ends in punctuation of its own (ISBD, leader/18 `i`). */
export function endWith(text: string, mark: string): string {
  return /[.?!。？！]$/.test(text) ? text : `${text}${mark}`;
}

export const sf = (code: string, value: string): Subfield => ({ code, value });

const encoder = new TextEncoder();

/** Length in UTF-8 bytes: what ISO 2709 lengths and offsets count. */
export function utf8Length(value: string): number {
  return encoder.encode(value).length;
}

/** `value` cut to at most `maxBytes` UTF-8 bytes on a character boundary, marked with an ellipsis when cut. */
export function truncateUtf8(value: string, maxBytes: number): string {
  if (utf8Length(value) <= maxBytes) {
    return value;
  }
  let out = '';
  let bytes = utf8Length('…');
  for (const ch of value) {
    const size = utf8Length(ch);
    if (bytes + size > maxBytes) {
      break;
    }
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}
