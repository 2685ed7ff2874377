import { describe, expect, it } from 'vitest';
import { sampleAlbum } from '../../../test/helpers/marc-fixtures.js';
import { iso2709Problems, readWithYaz, subfieldValues, type YazReading } from '../../../test/helpers/yaz-marc.js';
import { buildMarcRecord } from './marc-build.js';
import { toIso2709File } from './marc-iso2709.js';
import { truncateUtf8, utf8Length } from './marc-record.js';
import { toMarcXml } from './marc-xml.js';

const SETTINGS = { countryCode: 'TW', timeZone: 'Asia/Taipei' };

/** Albums that stress the writers: Chinese, markup characters, long notes, many tracks, no tracks, every record type. */
const ALBUMS = [
  sampleAlbum(),
  sampleAlbum({ albumNumber: 100043, title: '「雨」& <風> "Rain" 🎵', releaseType: 'digital', mediaForm: 'digital', introduction: '長'.repeat(5000) }),
  sampleAlbum({
    albumNumber: 100044,
    title: '有聲書：西遊記',
    albumType: 'audiobook',
    tracks: Array.from({ length: 120 }, (_, i) => ({
      position: i + 1,
      title: `第${i + 1}回 美猴王出世`,
      isrc: `TWA0126${String(i + 100).padStart(5, '0')}`,
      durationSeconds: 600 + i,
      credits: [{ role: 'narrator', names: ['說書人'] }],
      productionCompany: '',
    })),
  }),
  sampleAlbum({ albumNumber: 100045, title: 'Music video', workCategory: 'music-video', mediaForm: 'blu-ray' }),
  sampleAlbum({ albumNumber: 100046, title: '空專輯', tracks: [], credits: [] }),
];
const RECORDS = ALBUMS.map((a) => buildMarcRecord(a, SETTINGS));

function expectClean(reading: YazReading): void {
  expect(reading.stderr).toBe('');
  expect(reading.diagnostics).toEqual([]);
  expect(reading.records).toHaveLength(ALBUMS.length);
  ALBUMS.forEach((album, i) => {
    const record = reading.records[i];
    expect(record?.leader.slice(5, 10)).toBe(`n${RECORDS[i]?.leader[6]}m a`);
    expect(record?.fields.find((f) => f.tag === '001')?.value).toBe(String(album.albumNumber));
    expect(record && subfieldValues(record, '024', 'a')).toEqual(album.tracks.map((t) => t.isrc));
    const title = record && subfieldValues(record, '245', 'a')[0];
    expect(Buffer.from(title ?? '').subarray(0, Buffer.byteLength(album.title))).toEqual(Buffer.from(album.title));
    const contents = record ? subfieldValues(record, '505', 'a') : [];
    expect(contents.length === 0 ? 0 : (contents[0]?.split(' -- ').length ?? 0)).toBe(album.tracks.length);
  });
}

describe('MARC writers read back by yaz-marcdump', () => {
  it('ISO 2709: lengths and offsets count UTF-8 bytes, and yaz reads every record without a complaint', async () => {
    const bytes = toIso2709File(RECORDS);
    expect(iso2709Problems(bytes)).toEqual([]);
    for (const album of ALBUMS) {
      expect(Buffer.from(bytes).indexOf(Buffer.from(album.title))).toBeGreaterThan(0);
    }
    const reading = await readWithYaz(bytes, 'mrc');
    expectClean(reading);
    expect(reading.marcxml).toContain('<subfield code="a">TWA012600001</subfield>');
  });

  it('MARCXML: yaz reads every record without a complaint', async () => {
    expectClean(await readWithYaz(toMarcXml(RECORDS), 'xml'));
  });

  it('a record length counted in characters would be caught', () => {
    const bytes = Buffer.from(toIso2709File([RECORDS[0]!]));
    const characters = Buffer.concat([Buffer.from(String(bytes.length - 10).padStart(5, '0')), bytes.subarray(5)]);
    expect(iso2709Problems(characters)).not.toEqual([]);
  });
});

describe(truncateUtf8.name, () => {
  it('cuts on a character boundary within the byte limit', () => {
    const cut = truncateUtf8('中文字'.repeat(100), 100);
    expect(utf8Length(cut)).toBeLessThanOrEqual(100);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toContain('\ufffd');
  });
});
