import { utf8Length, sf, type DataField, type MarcRecord } from './marc-record.js';

/**
 * Keeping a record inside ISO 2709's limits (a field ≤ 9,999 bytes, a record ≤ 99,999 bytes,
 * both counted in UTF-8) for albums with very many names or tracks: the writer refuses an
 * oversized record, so the builder must never produce one. Pure.
 */

const MAX_RECORD_BYTES = 99999;
/** Leader, the directory's terminator and the record terminator. */
const RECORD_OVERHEAD = 24 + 1 + 1;
/** One directory entry: tag, length (4) and offset (5). */
const DIRECTORY_ENTRY = 12;

/** Bytes a data field takes in the record: its directory entry and its indicators, subfields and terminator. */
export function dataFieldBytes(field: DataField): number {
  return DIRECTORY_ENTRY + 2 + field.subfields.reduce((n, s) => n + 2 + utf8Length(s.value), 0) + 1;
}

function recordBytes(record: MarcRecord): number {
  const control = record.controlFields.reduce((n, f) => n + DIRECTORY_ENTRY + utf8Length(f.value) + 1, 0);
  return RECORD_OVERHEAD + control + record.dataFields.reduce((n, f) => n + dataFieldBytes(f), 0);
}

/**
 * Names for a statement of responsibility (245 $c) or a performer note (511), whole names only
 * and at most `maxBytes`; the names left out are counted as RDA's "[and N others]".
 */
export function namesStatement(names: readonly string[], maxBytes: number): string {
  const kept: string[] = [];
  for (const [i, name] of names.entries()) {
    const rest = names.length - i - 1;
    const tail = rest === 0 ? '' : `, [and ${rest} others]`;
    if (utf8Length([...kept, name].join(', ') + tail) > maxBytes) {
      return kept.length === 0 ? `[${names.length} names]` : `${kept.join(', ')}, [and ${names.length - kept.length} others]`;
    }
    kept.push(name);
  }
  return kept.join(', ');
}

/** The note (500) saying how many names had no added entry, so a cataloguer knows the list is incomplete. */
function omittedNote(count: number): DataField {
  return { tag: '500', ind1: ' ', ind2: ' ', subfields: [sf('a', `Added entries for a further ${count} names are omitted (record length limit).`)] };
}

/** The note (500) saying how many of the album's ISRCs had no 024, so a cataloguer knows the list is incomplete. */
function omittedIsrcsNote(count: number): DataField {
  return { tag: '500', ind1: ' ', ind2: ' ', subfields: [sf('a', `ISRCs of a further ${count} recordings are omitted (record length limit).`)] };
}

const fieldsBytes = (fields: readonly DataField[]) => fields.reduce((n, f) => n + dataFieldBytes(f), 0);

/** How many of `fields`, in order, fit within `budget` bytes. */
function fittingCount(fields: readonly DataField[], budget: number): number {
  let used = 0;
  let fitting = 0;
  for (const field of fields) {
    used += dataFieldBytes(field);
    if (used > budget) {
      break;
    }
    fitting++;
  }
  return fitting;
}

/**
 * The record with as many ISRC fields (024, first, in order) and then added entries (700/710, last,
 * in order) as fit within 99,999 bytes: an album may hold thousands of tracks and names, the rest
 * of the record is bounded. Whatever does not fit is counted in a 500 note placed before the other
 * notes (tag `noteBefore` and above), ISRCs first.
 */
export function withinRecordLimit(record: MarcRecord, isrcs: readonly DataField[], entries: readonly DataField[], noteBefore: string): MarcRecord {
  const room = MAX_RECORD_BYTES - recordBytes(record);
  let keptIsrcs = isrcs.length;
  let keptEntries = entries.length;
  if (fieldsBytes(isrcs) + fieldsBytes(entries) > room) {
    // Some entries are left out: their note takes room. ISRCs, the agency's identifiers, come first.
    let budget = room - (entries.length > 0 ? dataFieldBytes(omittedNote(entries.length)) : 0);
    if (fieldsBytes(isrcs) > budget) {
      budget -= dataFieldBytes(omittedIsrcsNote(isrcs.length));
      keptIsrcs = fittingCount(isrcs, budget);
    }
    budget -= fieldsBytes(isrcs.slice(0, keptIsrcs));
    keptEntries = fittingCount(entries, budget);
  }
  const notes = [...(keptIsrcs < isrcs.length ? [omittedIsrcsNote(isrcs.length - keptIsrcs)] : []), ...(keptEntries < entries.length ? [omittedNote(entries.length - keptEntries)] : [])];
  const fields = [...record.dataFields];
  const at = fields.findIndex((f) => f.tag >= noteBefore);
  fields.splice(at < 0 ? fields.length : at, 0, ...notes);
  // 024 sorts before every other data field the builder writes.
  return { ...record, dataFields: [...isrcs.slice(0, keptIsrcs), ...fields, ...entries.slice(0, keptEntries)] };
}

/**
 * The record with as many added entries (700/710, in order) as fit within 99,999 bytes. When some
 * do not fit, a 500 note placed before the other notes counts them.
 */
export function withAddedEntries(record: MarcRecord, entries: readonly DataField[], noteBefore: string): MarcRecord {
  return withinRecordLimit(record, [], entries, noteBefore);
}
