import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse, RecordingFields } from '../../src/catalog/catalog.schemas.js';
import {
  addTrack,
  addTrackReq,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  failed,
  getAlbum,
  memberSession,
  ok,
  staffSession,
  type Client,
  type MemberSession,
  type Reply,
} from '../helpers/catalog.js';
import { unzipParts } from '../fixtures/spreadsheets/zip-bytes.js';
import { useTestApp } from '../helpers/setup.js';
import { readXlsx } from '../helpers/xlsx-read.js';
import { xmlFile, type XmlFile } from '../helpers/xmllint.js';
import { iso2709Problems, readWithYaz, subfieldValues, type YazReading } from '../helpers/yaz-marc.js';

// Hostile but accepted data through the real API (what the forms take), approved and exported in
// every format, each read back by an independent reader: xmllint (DDEX against the ERN 4.3 XSD,
// the .xlsx parts), yaz-marcdump (MARCXML and ISO 2709), SheetJS (.xlsx) and the CSV text itself.

const SCHEMA = path.join(import.meta.dirname, '../../vendor/ddex/ern43/release-notification.xsd');
const env = useTestApp();
let officer: Client;
let label: MemberSession;
const files: XmlFile[] = [];

/** Titles the forms accept: every kind of Unicode a registrant (or a hostile client) might send. */
const HOSTILE_TITLES = [
  '🎵 夏夜晚風 👩‍👩‍👧‍👦 𝄞 𠀀𪚥',
  'e\u0301\u0301\u0301 Z\u0336\u0336 ก\u0e33\u0e49',
  '\u202eevil\u202c \u2066isolate\u2069 \u200fعربي\u200e',
  'a\u200db\u200cc\u2060d',
  'C1 a\u0085b\u009bc',
  'lines a\u2028b\u2029c\nd\te',
  `XML & < > " ' ]]> <![CDATA[x]]> &amp;`,
  '=HYPERLINK("http://x","y")',
  '+1+2',
  '-2+3',
  '@SUM(A1)',
  'MARC $a fake ; | $$ \\ subfield',
];

/** Names with list separators and MARC's own conventions in them. */
const HOSTILE_NAMES = ['甲 | 乙 :: 丙', '$a Dollar $b', '=cmd|" /C calc"!A0', '@at', 'Back\\slash'];

/** What the registrant sees back is the stored text; exports are compared with it. */
const recording = (title: string, position: number): RecordingFields =>
  completeRecording(title, {
    duration: `3:${String(10 + (position % 50)).padStart(2, '0')}`,
    credits: [
      { role: 'performer', names: HOSTILE_NAMES },
      // One name: what separates names in a credit cell (、 ; ； line breaks) is no part of one.
      { role: 'composer', names: [`作曲 ${title}`.replace(/[、;；\r\n]/g, ' ').slice(0, 200)] },
    ],
  });

async function approve(album: AlbumResponse): Promise<AlbumResponse> {
  ok(await label.api.call('POST', `/albums/${album.id}/submit`));
  return ok(await officer.call('POST', `/albums/${album.id}/approve`)).json<AlbumResponse>();
}

function ddex(res: Reply): XmlFile {
  ok(res);
  const doc = xmlFile(res.body);
  files.push(doc);
  const result = doc.validate(SCHEMA);
  expect(result.output).toBe(`${doc.file} validates`);
  return doc;
}

async function marc(album: AlbumResponse, format: 'xml' | 'mrc'): Promise<YazReading> {
  const res = ok(await label.api.call('GET', `/albums/${album.id}/marc?format=${format}`));
  if (format === 'mrc') {
    expect(iso2709Problems(res.rawPayload)).toEqual([]);
    // ISO 2709: a record ≤ 99,999 bytes, every field ≤ 9,999 (4 and 5 digits in leader and directory).
    expect(res.rawPayload.length).toBeLessThanOrEqual(99999);
  } else {
    const doc = xmlFile(res.body, 'marc.xml');
    files.push(doc);
    expect(doc.text('count(/*/*)')).toBe('1');
  }
  const reading = await readWithYaz(format === 'xml' ? res.body : res.rawPayload, format);
  expect(reading.stderr).toBe('');
  expect(reading.diagnostics).toEqual([]);
  expect(reading.records).toHaveLength(1);
  return reading;
}

/** Every part of the .xlsx is well-formed XML (Excel refuses the workbook otherwise) and no cell passes 32,767 characters. */
async function xlsxParts(body: Buffer): Promise<void> {
  for (const [name, part] of await unzipParts(body)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) {
      const doc = xmlFile(part.toString('utf8'), 'part.xml');
      files.push(doc);
      expect(doc.text('count(/*)'), name).toBe('1');
    }
  }
}

function allCells(book: Awaited<ReturnType<typeof readXlsx>>): string[] {
  return book.workbook.SheetNames.flatMap((s) => book.rows(s).flat()).filter((v): v is string => typeof v === 'string');
}

beforeAll(async () => {
  officer = await staffSession(env);
  label = await memberSession(env, 'company');
});

afterAll(() => {
  files.forEach((f) => f.remove());
});

describe('input validation at the edge', () => {
  it.each([
    ['U+0001', 'a\u0001b'],
    ['U+001B', 'esc\u001b[31m'],
    ['U+001F', 'MARC\u001fa subfield'],
    ['U+001D', 'record\u001dend'],
    ['U+FFFE', 'non\ufffecharacter'],
    ['U+000B', 'vertical\u000btab'],
  ])('refuses %s in titles and credit names, naming the field in zh-TW and English', async (character, value) => {
    const album = await createAlbum(label.api);
    const zh = failed(await label.api.call('PATCH', `/albums/${album.id}`, { title: value }), 400, 'VALIDATION_FAILED');
    expect(zh.details?.fields).toEqual([expect.objectContaining({ field: 'title', code: 'invalidCharacter', message: `含有不允許的字元（${character}）。` })]);
    const en = failed(await addTrackReq(label.api, album.id, completeRecording('ok', { credits: [{ role: 'performer', names: ['ok', value] }] })), 400, 'VALIDATION_FAILED');
    expect(en.details?.fields).toEqual([expect.objectContaining({ field: 'recording.credits.0.names.1', code: 'invalidCharacter' })]);
    const english = failed(await label.api.call('PATCH', `/albums/${album.id}`, { publisher: value }, 'en'), 400, 'VALIDATION_FAILED');
    expect(english.details?.fields).toEqual([expect.objectContaining({ message: `Contains a character that is not allowed (${character}).` })]);
  });

  it('keeps tab and line breaks, which text areas send', async () => {
    const album = await createAlbum(label.api, { introduction: 'line 1\r\nline 2\n\tindented' });
    expect(album.introduction).toBe('line 1\r\nline 2\n\tindented');
  });
});

describe('an album of hostile titles and names', () => {
  let album: AlbumResponse;
  const maxTitle = '𠀀'.repeat(499) + '終';

  beforeAll(async () => {
    const draft = await createAlbum(label.api, { ...completeAlbumFields(maxTitle, HOSTILE_NAMES[0]), introduction: HOSTILE_TITLES.join('\n'), publisher: '=1+1 & <Label>' });
    for (const [i, title] of HOSTILE_TITLES.entries()) {
      await addTrack(label.api, draft.id, recording(title, i), { mode: 'next' });
    }
    album = await approve(draft);
  });

  it('stores the title of the maximum length (500 characters, astral) and refuses one more', async () => {
    expect(Array.from(album.title)).toHaveLength(500); // code points, as the schema counts them
    const draft = await createAlbum(label.api);
    const error = failed(await label.api.call('PATCH', `/albums/${draft.id}`, { title: `${maxTitle}x` }), 400, 'VALIDATION_FAILED');
    expect(error.details?.fields).toEqual([expect.objectContaining({ field: 'title' })]);
  });

  it('DDEX: validates against the ERN 4.3 schema and carries every title and name unchanged', async () => {
    const doc = ddex(await label.api.call('GET', `/albums/${album.id}/ddex.xml`));
    const titles = doc.texts('//*[local-name()="SoundRecording"]/*[local-name()="DisplayTitleText"]');
    expect(titles).toEqual(album.tracks.map((t) => t.recording.title));
    expect(doc.text('//*[local-name()="Release"][1]/*[local-name()="DisplayTitleText"]')).toBe(maxTitle);
    const names = new Set(doc.texts('//*[local-name()="PartyName"]/*[local-name()="FullName"]'));
    HOSTILE_NAMES.forEach((n) => expect(names).toContain(n));
  });

  it.each(['xml', 'mrc'] as const)('MARC %s: read by yaz-marcdump with no error, titles intact, no false subfields', async (format) => {
    const reading = await marc(album, format);
    const [record] = reading.records;
    const [title] = subfieldValues(record!, '245', 'a');
    expect(title!.replace(/ \/$/, '')).toBe(maxTitle);
    expect(subfieldValues(record!, '024', 'a')).toEqual(album.tracks.map((t) => t.recording.isrc));
    // yaz's line format cannot tell "$b " inside a value from a subfield: read the names from its MARCXML.
    const doc = xmlFile(reading.marcxml, 'yaz.xml');
    files.push(doc);
    const added = doc.texts('//*[local-name()="datafield"][@tag="700"]/*[@code="a"]');
    HOSTILE_NAMES.forEach((n) => expect(added).toContain(`${n},`));
    expect(doc.text('count(//*[local-name()="datafield"][@tag="700"]/*[local-name()="subfield"])')).toBe(String(added.length * 2));
    // The line-break title is one contents item: C0 and line breaks become spaces in MARC (documented in marcText).
    expect(subfieldValues(record!, '505', 'a')[0]).toContain('lines a\u2028b\u2029c d e (3:15)');
  });

  it('album .xlsx: well-formed parts, every title and name as text, formulas never formulas', async () => {
    const res = ok(await label.api.call('GET', `/albums/${album.id}/export.xlsx`));
    await xlsxParts(res.rawPayload);
    const book = await readXlsx(res.rawPayload);
    const cells = allCells(book);
    album.tracks.forEach((t) => expect(cells).toContain(t.recording.title));
    for (const name of book.workbook.SheetNames) {
      expect(book.sheetXml(name)).not.toContain('<f>');
    }
  });

  it('recordings CSV: formula starters neutralised, quotes doubled, line breaks kept inside quotes', async () => {
    const csv = ok(await label.api.call('GET', '/recordings/export?format=csv')).body;
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(csv).toContain(",'+1+2,");
    expect(csv).toContain(",'-2+3,");
    expect(csv).toContain(",'@SUM(A1),");
    expect(csv).toContain(`,"XML & < > "" ' ]]> <![CDATA[x]]> &amp;",`);
    expect(csv).toContain('"lines a\u2028b\u2029c\nd\te"');
    // No cell starts with a formula starter unquoted.
    expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
  });
});

describe('an album of 999 tracks with long titles and many names', () => {
  let album: AlbumResponse;
  const longTitle = (i: number) => `${String(i).padStart(3, '0')} ${'長'.repeat(240)}${'🎵'.repeat(255)}`;
  const albumNames = Array.from({ length: 50 }, (_, i) => `${String(i).padStart(2, '0')}${'歌'.repeat(198)}`);

  beforeAll(async () => {
    const draft = await createAlbum(label.api, { ...completeAlbumFields('九百九十九首'), credits: [{ role: 'performer', names: albumNames }] });
    for (let i = 1; i <= 999; i++) {
      await addTrack(
        label.api,
        draft.id,
        completeRecording(longTitle(i), {
          duration: '4:05',
          credits: [{ role: 'composer', names: [`作曲${String(i).padStart(3, '0')}${'曲'.repeat(190)}`, `作詞${i}`] }],
        }),
        { mode: 'next' },
      );
    }
    album = await approve(draft);
    expect(album.tracks).toHaveLength(999);
  }, 900_000);

  it('MARC .mrc: one valid record within 99,999 bytes; long fields cut by their rules, the names left out counted', async () => {
    const reading = await marc(album, 'mrc');
    const record = reading.records[0]!;
    expect(subfieldValues(record, '024', 'a')).toHaveLength(999);
    const [contents] = subfieldValues(record, '505', 'a');
    expect(Buffer.byteLength(contents!)).toBeLessThanOrEqual(8000);
    expect(contents!.endsWith('…')).toBe(true);
    const [statement] = subfieldValues(record, '245', 'c');
    expect(statement).toMatch(/, \[and \d+ others\]\.$/);
    expect(Buffer.byteLength(statement!)).toBeLessThanOrEqual(2000);
    const added = record.fields.filter((f) => f.tag === '700' || f.tag === '710').length;
    expect(added).toBeGreaterThan(50);
    // 50 album performers, two composers a track, and the production company (710).
    const [note] = subfieldValues(record, '500', 'a');
    expect(note).toBe(`Added entries for a further ${50 + 999 * 2 + 1 - added} names are omitted (record length limit).`);
  });

  it('MARCXML: the same record, read with no error', async () => {
    const record = (await marc(album, 'xml')).records[0]!;
    expect(subfieldValues(record, '024', 'a')).toHaveLength(999);
    expect(record.fields.filter((f) => f.tag === '500')).toHaveLength(1);
  });

  it('DDEX: 999 sound recordings that validate', async () => {
    const doc = ddex(await label.api.call('GET', `/albums/${album.id}/ddex.xml`));
    expect(doc.text('count(//*[local-name()="SoundRecording"])')).toBe('999');
  }, 180_000);

  it('album .xlsx: 999 rows, well-formed', async () => {
    const res = ok(await label.api.call('GET', `/albums/${album.id}/export.xlsx`));
    await xlsxParts(res.rawPayload);
    const cells = allCells(await readXlsx(res.rawPayload));
    expect(cells).toContain(longTitle(999));
    expect(cells.every((c) => c.length <= 32767)).toBe(true);
    const stored = await getAlbum(label.api, album.id);
    expect(stored.tracks).toHaveLength(999);
  });
});
