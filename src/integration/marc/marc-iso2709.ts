import { FIELD_TERMINATOR, RECORD_TERMINATOR, SUBFIELD_DELIMITER, type MarcRecord } from './marc-record.js';

/** ISO 2709 counts lengths in 4 digits per field and 5 for the record. */
const MAX_FIELD_BYTES = 9999;
const MAX_RECORD_BYTES = 99999;
const LEADER_LENGTH = 24;

const encoder = new TextEncoder();
const pad = (n: number, width: number) => String(n).padStart(width, '0');

interface EncodedField {
  tag: string;
  bytes: Uint8Array;
}

function encodeFields(record: MarcRecord): EncodedField[] {
  const control = record.controlFields.map((f) => ({ tag: f.tag, text: f.value + FIELD_TERMINATOR }));
  const data = record.dataFields.map((f) => ({
    tag: f.tag,
    text: f.ind1 + f.ind2 + f.subfields.map((s) => SUBFIELD_DELIMITER + s.code + s.value).join('') + FIELD_TERMINATOR,
  }));
  return [...control, ...data].map(({ tag, text }) => {
    const bytes = encoder.encode(text);
    if (bytes.length > MAX_FIELD_BYTES) {
      throw new Error(`MARC field ${tag} is ${bytes.length} bytes; ISO 2709 allows ${MAX_FIELD_BYTES}`);
    }
    return { tag, bytes };
  });
}

/**
 * The leader with its record length (0–4) and base address of data (12–16) set. Both count UTF-8
 * bytes, not characters: a Chinese title is three bytes a character, and a reader that trusted a
 * character count would cut the record short.
 */
export function leaderFor(record: MarcRecord): string {
  return layout(record).leader;
}

function layout(record: MarcRecord): { leader: string; fields: EncodedField[]; directory: string } {
  const fields = encodeFields(record);
  let offset = 0;
  const directory = fields
    .map((f) => {
      const entry = f.tag + pad(f.bytes.length, 4) + pad(offset, 5);
      offset += f.bytes.length;
      return entry;
    })
    .join('');
  const baseAddress = LEADER_LENGTH + directory.length + 1;
  const recordLength = baseAddress + offset + 1;
  if (recordLength > MAX_RECORD_BYTES) {
    throw new Error(`MARC record is ${recordLength} bytes; ISO 2709 allows ${MAX_RECORD_BYTES}`);
  }
  const leader = pad(recordLength, 5) + record.leader.slice(5, 12) + pad(baseAddress, 5) + record.leader.slice(17, LEADER_LENGTH);
  return { leader, fields, directory };
}

/** One record as ISO 2709 (MARC 21 "transmission format") bytes. */
export function toIso2709(record: MarcRecord): Uint8Array {
  if (record.leader.length !== LEADER_LENGTH) {
    throw new Error('MARC leader must be 24 characters');
  }
  const { leader, fields, directory } = layout(record);
  const head = encoder.encode(leader + directory + FIELD_TERMINATOR);
  const tail = encoder.encode(RECORD_TERMINATOR);
  const out = new Uint8Array(head.length + fields.reduce((n, f) => n + f.bytes.length, 0) + tail.length);
  out.set(head, 0);
  let at = head.length;
  for (const f of fields) {
    out.set(f.bytes, at);
    at += f.bytes.length;
  }
  out.set(tail, at);
  return out;
}

/** A file of records: ISO 2709 records simply follow one another. */
export function toIso2709File(records: readonly MarcRecord[]): Uint8Array {
  const parts = records.map(toIso2709);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
