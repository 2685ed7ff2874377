import { describe, expect, it } from 'vitest';
import { readSearchQuery } from './classify.js';

describe('readSearchQuery', () => {
  it.each(['TWA012600001', 'tw-a01-26-00001', 'TW A01 26 00001', ' ISRC: TW-A01-26-00001 ', 'ＴＷＡ０１２６００００１'])('reads %j as the ISRC TWA012600001', (q) => {
    expect(readSearchQuery(q)).toEqual({ kind: 'isrc', isrc: 'TWA012600001' });
  });

  it('reads six or more digits (full-width too) as an album number', () => {
    expect(readSearchQuery('100007')).toEqual({ kind: 'albumNumber', albumNumber: 100007 });
    expect(readSearchQuery('１０００００７')).toEqual({ kind: 'albumNumber', albumNumber: 1000007 });
  });

  it('reads three letters or digits as a possible registrant code, keeping the text', () => {
    expect(readSearchQuery(' a01 ')).toEqual({ kind: 'registrantCode', code: 'A01', text: 'a01' });
    expect(readSearchQuery('998')).toEqual({ kind: 'registrantCode', code: '998', text: '998' });
  });

  it('reads anything else as text', () => {
    expect(readSearchQuery('夜曲')).toEqual({ kind: 'text', text: '夜曲' });
    expect(readSearchQuery('12345')).toEqual({ kind: 'text', text: '12345' });
    expect(readSearchQuery('TWA0126000')).toEqual({ kind: 'text', text: 'TWA0126000' });
    expect(readSearchQuery('50%_off')).toEqual({ kind: 'text', text: '50%_off' });
    // A zero designation is not an ISRC.
    expect(readSearchQuery('TWA012600000')).toEqual({ kind: 'text', text: 'TWA012600000' });
  });
});
