import { describe, expect, it } from 'vitest';
import { dataFieldBytes, namesStatement, withAddedEntries, withinRecordLimit } from './marc-fit.js';
import { toIso2709 } from './marc-iso2709.js';
import { sf, type DataField, type MarcRecord } from './marc-record.js';

const record: MarcRecord = {
  leader: '00000njm a22000007i 4500',
  controlFields: [{ tag: '001', value: '1' }],
  dataFields: [
    { tag: '245', ind1: '0', ind2: '0', subfields: [sf('a', 'Title.')] },
    { tag: '505', ind1: '0', ind2: ' ', subfields: [sf('a', 'x'.repeat(9000))] },
  ],
};

const entry = (i: number): DataField => ({ tag: '700', ind1: '0', ind2: ' ', subfields: [sf('a', `${String(i)}${'名'.repeat(300)},`), sf('e', 'composer.')] });

describe('namesStatement', () => {
  it('joins every name when they fit', () => {
    expect(namesStatement(['甲', '乙'], 100)).toBe('甲, 乙');
  });

  it('keeps whole names within the bytes and counts the rest', () => {
    const names = Array.from({ length: 10 }, (_, i) => `${String(i)}${'歌'.repeat(10)}`);
    const out = namesStatement(names, 100);
    expect(out).toBe(`${names[0]}, ${names[1]}, [and 8 others]`);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(100);
  });
});

describe('withAddedEntries', () => {
  it('adds all entries when the record has room', () => {
    const out = withAddedEntries(record, [entry(1), entry(2)], '500');
    expect(out.dataFields.map((f) => f.tag)).toEqual(['245', '505', '700', '700']);
  });

  it('keeps the record within 99,999 bytes and counts the names left out in a 500 note before the other notes', () => {
    const entries = Array.from({ length: 200 }, (_, i) => entry(i));
    expect(entries.reduce((n, e) => n + dataFieldBytes(e), 0)).toBeGreaterThan(99999);
    const out = withAddedEntries(record, entries, '500');
    const kept = out.dataFields.filter((f) => f.tag === '700').length;
    expect(out.dataFields.map((f) => f.tag).slice(0, 3)).toEqual(['245', '500', '505']);
    expect(out.dataFields[1]?.subfields[0]?.value).toBe(`Added entries for a further ${200 - kept} names are omitted (record length limit).`);
    const bytes = toIso2709(out);
    expect(bytes.length).toBeLessThanOrEqual(99999);
    // Nearly full: one more entry would not have fitted.
    expect(bytes.length + dataFieldBytes(entry(kept))).toBeGreaterThan(99999 - dataFieldBytes(out.dataFields[1]!));
  });
});

describe('withinRecordLimit', () => {
  const isrc = (i: number): DataField => ({ tag: '024', ind1: '0', ind2: ' ', subfields: [sf('a', `TWA01260${String(i).padStart(4, '0')}`)] });

  it('puts every 024 first and adds no note when all fit', () => {
    const out = withinRecordLimit(record, [isrc(1), isrc(2)], [entry(1)], '500');
    expect(out.dataFields.map((f) => f.tag)).toEqual(['024', '024', '245', '505', '700']);
  });

  it('counts the 024 fields in the 99,999 bytes and notes the ISRCs left out before the names note', () => {
    const isrcs = Array.from({ length: 4000 }, (_, i) => isrc(i));
    const out = withinRecordLimit(record, isrcs, [entry(1)], '500');
    const kept = out.dataFields.filter((f) => f.tag === '024').length;
    expect(kept).toBeGreaterThan(2000);
    expect(kept).toBeLessThan(4000);
    const tags = out.dataFields.map((f) => f.tag).slice(kept);
    expect(tags).toEqual(['245', '500', '500', '505']);
    expect(out.dataFields[kept + 1]?.subfields[0]?.value).toBe(`ISRCs of a further ${4000 - kept} recordings are omitted (record length limit).`);
    expect(out.dataFields[kept + 2]?.subfields[0]?.value).toBe('Added entries for a further 1 names are omitted (record length limit).');
    const bytes = toIso2709(out);
    expect(bytes.length).toBeLessThanOrEqual(99999);
    expect(bytes.length + dataFieldBytes(isrc(0))).toBeGreaterThan(99999 - dataFieldBytes(out.dataFields[kept + 2]!));
  });
});
