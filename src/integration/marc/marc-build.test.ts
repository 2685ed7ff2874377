import { describe, expect, it } from 'vitest';
import { ALBUM_TYPES, MEDIA_FORMS, PUBLICATION_CATEGORIES, WORK_CATEGORIES } from '../../catalog/vocabularies.js';
import { sampleAlbum } from '../../../test/helpers/marc-fixtures.js';
import { buildMarcRecord, clockTime, playingTime } from './marc-build.js';
import { carrierOf, recordTypeOf } from './marc-codes.js';
import { toIso2709 } from './marc-iso2709.js';
import { toMarcXml } from './marc-xml.js';
import type { DataField, MarcRecord } from './marc-record.js';

const SETTINGS = { countryCode: 'TW', timeZone: 'Asia/Taipei' };

const control = (r: MarcRecord, tag: string) => r.controlFields.filter((f) => f.tag === tag).map((f) => f.value);
const data = (r: MarcRecord, tag: string): DataField[] => r.dataFields.filter((f) => f.tag === tag);
const sub = (f: DataField | undefined, code: string) => f?.subfields.filter((s) => s.code === code).map((s) => s.value) ?? [];

describe(buildMarcRecord.name, () => {
  it('describes a CD: leader j, UTF-8, 001 album number, 005/008 on the agency clock, 007 sound disc', () => {
    const r = buildMarcRecord(sampleAlbum(), SETTINGS);
    expect(r.leader).toHaveLength(24);
    expect(r.leader.slice(5, 10)).toBe('njm a');
    expect(control(r, '001')).toEqual(['100042']);
    expect(control(r, '005')).toEqual(['20260615073005.0']);
    expect(control(r, '007')).toEqual(['sd fungnnmmned']);
    const [fixed] = control(r, '008');
    expect(fixed).toHaveLength(40);
    expect(fixed?.slice(0, 6)).toBe('260615');
    expect(fixed?.slice(6, 15)).toBe('s2026    ');
    expect(fixed?.slice(15, 18)).toBe('ch ');
    expect(fixed?.slice(18, 20)).toBe('pp');
    expect(fixed?.slice(35, 38)).toBe('chi');
  });

  it('has one 024 with first indicator 0 per ISRC, title, publisher, extent, times and contents', () => {
    const r = buildMarcRecord(sampleAlbum(), SETTINGS);
    expect(data(r, '024').map((f) => [f.ind1, sub(f, 'a')[0]])).toEqual([
      ['0', 'TWA012600001'],
      ['0', 'TWA012600002'],
    ]);
    expect(sub(data(r, '245')[0], 'a')).toEqual(['夏日之歌 /']);
    expect(sub(data(r, '245')[0], 'c')).toEqual(['林小明.']);
    expect(data(r, '264')[0]).toMatchObject({ ind1: ' ', ind2: '1' });
    expect(sub(data(r, '264')[0], 'b')).toEqual(['測試唱片,']);
    expect(sub(data(r, '264')[0], 'c')).toEqual(['2026.']);
    expect(sub(data(r, '300')[0], 'a')).toEqual(['1 audio disc']);
    expect(sub(data(r, '306')[0], 'a')).toEqual(['000755']);
    expect(sub(data(r, '338')[0], '2')).toEqual(['rdacarrier']);
    expect(sub(data(r, '505')[0], 'a')).toEqual(['第一首 (3:45) -- Second Song (4:10).']);
    expect(sub(data(r, '511')[0], 'a')).toEqual(['林小明.']);
  });

  it('gives one 700 per person with every relator term, and 710 for groups and production companies', () => {
    const r = buildMarcRecord(
      sampleAlbum({
        credits: [
          { role: 'performer', names: ['林小明'] },
          { role: 'ensemble', names: ['國家交響樂團'] },
        ],
      }),
      SETTINGS,
    );
    expect(data(r, '700').map((f) => f.subfields.map((s) => `${s.code}:${s.value}`))).toEqual([
      ['a:林小明,', 'e:performer.'],
      ['a:陳作曲,', 'e:composer,', 'e:arranger.'],
    ]);
    expect(data(r, '710').map((f) => sub(f, 'a')[0])).toEqual(['國家交響樂團,', '測試製作,']);
  });

  it('describes a digital release as an online resource with its track count', () => {
    const r = buildMarcRecord(sampleAlbum({ releaseType: 'digital', mediaForm: 'digital' }), SETTINGS);
    expect(control(r, '007')).toEqual(['sr nunnnnnnnnd', 'cr una||||||||']);
    expect(sub(data(r, '300')[0], 'a')).toEqual(['1 online resource (2 tracks)']);
    expect(data(r, '337').map((f) => sub(f, 'b')[0])).toEqual(['s', 'c']);
    expect(control(r, '008')[0]?.[23]).toBe('o');
  });

  it('maps audiobooks to i, music videos to g, and music to j', () => {
    expect(recordTypeOf({ ...sampleAlbum(), albumType: 'audiobook' })).toBe('i');
    expect(recordTypeOf({ ...sampleAlbum(), publicationCategory: 'speech' })).toBe('i');
    expect(recordTypeOf({ ...sampleAlbum(), workCategory: 'music-video' })).toBe('g');
    expect(recordTypeOf(sampleAlbum())).toBe('j');
    const video = buildMarcRecord(sampleAlbum({ workCategory: 'music-video', mediaForm: 'dvd' }), SETTINGS);
    expect(video.leader[6]).toBe('g');
    expect(sub(data(video, '336')[0], 'b')).toEqual(['tdi']);
  });

  it('keeps fixed-length fields exact for every combination of our vocabularies', () => {
    const problems: string[] = [];
    for (const workCategory of [null, ...WORK_CATEGORIES.map((t) => t.code)]) {
      for (const albumType of [null, ...ALBUM_TYPES.map((t) => t.code)]) {
        for (const mediaForm of [null, ...MEDIA_FORMS.map((t) => t.code)]) {
          for (const publicationCategory of [null, ...PUBLICATION_CATEGORIES.map((t) => t.code)]) {
            for (const releaseType of ['digital', 'physical'] as const) {
              const album = sampleAlbum({ workCategory, albumType, mediaForm, publicationCategory, releaseType, releaseDate: null });
              const r = buildMarcRecord(album, SETTINGS);
              const lengths = [r.leader.length, control(r, '008')[0]?.length, ...control(r, '007').map((v) => (v.startsWith('v') ? v.length + 5 : v.length))];
              if (lengths.join() !== [24, 40, ...control(r, '007').map(() => 14)].join() || (carrierOf(album) === 'online') !== (releaseType === 'digital')) {
                problems.push(JSON.stringify({ workCategory, albumType, mediaForm, publicationCategory, releaseType, lengths }));
              }
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 30_000);

  it('says when the date is unknown, and guesses the language only from the script', () => {
    const r = buildMarcRecord(sampleAlbum({ releaseDate: null, title: 'Summer', tracks: [] }), SETTINGS);
    expect(control(r, '008')[0]?.slice(6, 15)).toBe('nuuuuuuuu');
    expect(control(r, '008')[0]?.slice(35, 38)).toBe('und');
    expect(sub(data(r, '264')[0], 'c')).toEqual(['[date of publication not identified].']);
    expect(data(r, '505')).toEqual([]);
    expect(control(buildMarcRecord(sampleAlbum({ title: 'なつ' }), SETTINGS), '008')[0]?.slice(35, 38)).toBe('jpn');
    expect(control(buildMarcRecord(sampleAlbum({ albumType: 'instrumental' }), SETTINGS), '008')[0]?.slice(35, 38)).toBe('zxx');
  });

  it('removes control characters (ISO 2709 delimiters among them) from registrant text', () => {
    const r = buildMarcRecord(sampleAlbum({ title: 'A\x1fB\x1eC\nD', introduction: '第一行\r\n第二行' }), SETTINGS);
    expect(sub(data(r, '245')[0], 'a')).toEqual(['A B C D /']);
    expect(sub(data(r, '520')[0], 'a')).toEqual(['第一行 第二行']);
  });
});

describe('durations', () => {
  it('formats 306 as hhmmss and 505 as m:ss or h:mm:ss', () => {
    expect(playingTime(3725)).toBe('010205');
    expect(clockTime(65)).toBe('1:05');
    expect(clockTime(3725)).toBe('1:02:05');
  });

  it("cuts an added entry's name stored over the forms' limit, so the record still fits ISO 2709", () => {
    const huge = '名'.repeat(4000);
    const r = buildMarcRecord(sampleAlbum({ credits: [{ role: 'composer', names: [huge] }] }), SETTINGS);
    const name =
      sub(
        data(r, '700').find((f) => sub(f, 'a')[0]?.startsWith('名')),
        'a',
      )[0] ?? '';
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(2001);
    expect(name.startsWith('名'.repeat(600))).toBe(true);
    expect(() => toIso2709(r)).not.toThrow();
  });

  it('keeps an album of thousands of tracks within 99,999 bytes: the ISRCs that fit, and a note counting the rest', () => {
    const tracks = Array.from({ length: 3500 }, (_, i) => ({
      position: i + 1,
      title: `第${String(i + 1)}首`,
      isrc: `TWA01260${String(i + 1).padStart(4, '0')}`,
      durationSeconds: 200,
      credits: [{ role: 'composer', names: [`作曲者${String(i)}`] }],
      productionCompany: '',
    }));
    const r = buildMarcRecord(sampleAlbum({ tracks }), SETTINGS);
    const bytes = toIso2709(r);
    expect(bytes.length).toBeLessThanOrEqual(99999);
    expect(() => toMarcXml([r])).not.toThrow();
    const isrcs = data(r, '024').map((f) => sub(f, 'a')[0]);
    expect(isrcs.length).toBeGreaterThan(2000);
    expect(isrcs).toEqual(tracks.slice(0, isrcs.length).map((t) => t.isrc));
    const notes = data(r, '500').map((f) => sub(f, 'a')[0]);
    expect(notes[0]).toBe(`ISRCs of a further ${String(3500 - isrcs.length)} recordings are omitted (record length limit).`);
    // The names no longer fit either, and are counted too.
    const entries = data(r, '700').length + data(r, '710').length;
    expect(notes[1]).toMatch(/^Added entries for a further \d+ names are omitted \(record length limit\)\.$/);
    expect(entries + Number(/\d+/.exec(notes[1] ?? '')?.[0])).toBe(3500 + 2);
    expect(r.dataFields.map((f) => f.tag).indexOf('500')).toBeLessThan(r.dataFields.map((f) => f.tag).indexOf('505'));
  });
});
