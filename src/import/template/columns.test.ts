import { describe, expect, it } from 'vitest';
import { ALBUM_FORM_FIELDS, TRACK_FORM_FIELDS } from '../../catalog/field-labels.js';
import { parseDuration, parsePartialDate, parseRecordingDate } from '../../catalog/formats.js';
import { normaliseIsrc } from '../../isrc/isrc.js';
import { ALBUM_TYPES, CREDIT_ROLES } from '../../catalog/vocabularies.js';
import { headingKey } from '../spreadsheet/find-table.js';
import { cellYesNo } from '../spreadsheet/cells.js';
import {
  acceptedHeadings,
  exampleRows,
  formatTemplateDuration,
  headingOf,
  isExampleRow,
  joinCreditNames,
  matchHeading,
  splitCreditNames,
  tableSpec,
  templateColumns,
  TEMPLATE_KINDS,
  TEMPLATE_LANGS,
  vocabularyCode,
  type SheetKey,
  type TemplateColumn,
} from './columns.js';

const SHEETS: readonly SheetKey[] = ['album', 'tracks'];
const keysOf = (sheet: SheetKey, kind: 'album' | 'catalogue' = 'album'): string[] => templateColumns(sheet, kind).map((c) => c.key);

describe(templateColumns.name, () => {
  it('has a column for every field of the album and track forms, and one per credit role on both sheets', () => {
    expect(keysOf('album')).toEqual(expect.arrayContaining(ALBUM_FORM_FIELDS.filter((f) => f !== 'credits')));
    expect(keysOf('tracks')).toEqual(expect.arrayContaining([...TRACK_FORM_FIELDS.filter((f) => f !== 'credits'), 'trackNumber', 'cited']));
    for (const sheet of SHEETS) {
      expect(keysOf(sheet).filter((k) => k.startsWith('credits.'))).toHaveLength(CREDIT_ROLES.length);
    }
  });

  it('marks the fields the forms require', () => {
    const required = (sheet: SheetKey) =>
      templateColumns(sheet, 'album')
        .filter((c) => c.required)
        .map((c) => c.key);
    expect(required('album')).toEqual(['releaseType', 'title', 'publisher', 'releaseDate', 'productionCompany', 'albumType']);
    expect(required('tracks')).toEqual(['trackNumber', 'title', 'productionCompany']);
  });

  it('adds a required 專輯代號 first on both sheets of a catalogue only', () => {
    for (const sheet of SHEETS) {
      expect(keysOf(sheet)).not.toContain('albumKey');
      const [first] = templateColumns(sheet, 'catalogue');
      expect(first?.key).toBe('albumKey');
      expect(first?.required).toBe(true);
    }
  });

  it('has unique keys and headings that cannot be confused on a sheet, in either language', () => {
    for (const sheet of SHEETS) {
      const columns = templateColumns(sheet, 'catalogue');
      expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
      const all = columns.flatMap((c: TemplateColumn) => [...new Set(acceptedHeadings(c).map(headingKey))]);
      expect(new Set(all).size).toBe(all.length);
    }
  });
});

describe(headingOf.name, () => {
  it('puts * before required headings', () => {
    const [releaseType, title] = templateColumns('album', 'album');
    expect(releaseType && headingOf(releaseType, 'zh-TW')).toBe('*出版類別');
    expect(title && headingOf(title, 'en')).toBe('*Album title');
    const story = templateColumns('tracks', 'album').find((c) => c.key === 'storyTitle');
    expect(story && headingOf(story, 'zh-TW')).toBe('故事名稱');
  });
});

describe(matchHeading.name, () => {
  it.each([
    ['album', '*專輯名稱', 'title'],
    ['album', ' ＊ALBUM  TITLE ', 'title'],
    ['album', 'Album title', 'title'],
    ['album', '表演者', 'credits.performer'],
    ['album', '專輯代號', 'albumKey'],
    ['tracks', 'ISRC編號', 'isrc'],
    ['tracks', 'ＩＳＲＣ', 'isrc'],
    ['tracks', 'ISRC 編號', 'isrc'],
    ['tracks', '*曲目名稱', 'title'],
    ['tracks', '是否為引用', 'cited'],
    ['tracks', 'Cited?', 'cited'],
    ['tracks', '主題(專題)', 'theme'],
    ['tracks', '主題（專題）', 'theme'],
    ['tracks', '#', 'trackNumber'],
    ['tracks', '製作人', 'credits.producer'],
    ['tracks', 'Album key', 'albumKey'],
  ] as const)('on %s: %j → %s', (sheet, heading, key) => {
    expect(matchHeading(sheet, heading)).toBe(key);
  });

  it('knows nothing else', () => {
    expect(matchHeading('album', '備註')).toBeUndefined();
    expect(matchHeading('album', '')).toBeUndefined();
    expect(matchHeading('album', 'ISRC')).toBeUndefined();
  });

  it('matches every heading the writer writes, in both languages and kinds', () => {
    for (const sheet of SHEETS) {
      for (const kind of TEMPLATE_KINDS) {
        for (const lang of TEMPLATE_LANGS) {
          for (const column of templateColumns(sheet, kind)) {
            expect(matchHeading(sheet, headingOf(column, lang))).toBe(column.key);
          }
        }
      }
    }
  });
});

describe(tableSpec.name, () => {
  it('gives findTable every column with its accepted headings', () => {
    const spec = tableSpec('tracks', 'catalogue');
    expect(Object.keys(spec)).toEqual(keysOf('tracks', 'catalogue'));
    expect(spec.isrc.headings).toContain('ISRC編號');
    expect(spec.albumKey.required).toBe(true);
  });
});

describe(exampleRows.name, () => {
  it.each(TEMPLATE_LANGS)('fills valid values that the importer skips (%s)', (lang) => {
    for (const sheet of SHEETS) {
      for (const kind of TEMPLATE_KINDS) {
        const columns = templateColumns(sheet, kind);
        const rows = exampleRows(sheet, kind, lang);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          for (const [key, value] of Object.entries<string>(row)) {
            const column = columns.find((c) => c.key === key);
            expect(column, key).toBeDefined();
            const kindOf = column?.kind;
            if (kindOf?.type === 'vocabulary') {
              expect(vocabularyCode(kindOf.terms, value), `${key} ${value}`).toBeDefined();
            } else if (kindOf?.type === 'yesNo') {
              expect(cellYesNo({ t: 's', v: value })).toMatchObject({ ok: true });
            } else if (kindOf?.type === 'duration') {
              expect(parseDuration(value).ok).toBe(true);
            } else if (kindOf?.type === 'date') {
              expect((kindOf.precision === 'day' ? parsePartialDate(value) : parseRecordingDate(value, 2026)).ok).toBe(true);
            } else if (kindOf?.type === 'isrc') {
              expect(normaliseIsrc(value).ok).toBe(true);
            }
          }
          expect(isExampleRow(sheet, (key) => row[key])).toBe(true);
        }
        for (const column of columns.filter((c) => c.required && c.key !== 'albumKey')) {
          expect(rows[0]?.[column.key], column.key).toBeTruthy();
        }
      }
    }
  });
});

describe(isExampleRow.name, () => {
  it('recognises the marker in either language, and nothing else', () => {
    expect(isExampleRow('tracks', (key) => (key === 'title' ? '範例:山歌' : null))).toBe(true);
    expect(isExampleRow('tracks', (key) => (key === 'title' ? 'EXAMPLE : x' : null))).toBe(true);
    expect(isExampleRow('album', (key) => (key === 'albumKey' ? ' 範例 ' : 'A real album'))).toBe(true);
    expect(isExampleRow('album', (key) => (key === 'title' ? '範例' : null))).toBe(false);
    expect(isExampleRow('album', (key) => (key === 'title' ? 'Examples of Love' : 'A1'))).toBe(false);
    expect(isExampleRow('tracks', () => undefined)).toBe(false);
  });
});

describe('cell values', () => {
  it('splits and joins credit names at 、 and ; but not at commas', () => {
    expect(splitCreditNames(' 林小安、王大明；Earth, Wind & Fire;\n陳 ')).toEqual(['林小安', '王大明', 'Earth, Wind & Fire', '陳']);
    expect(joinCreditNames(['a', 'b'], 'zh-TW')).toBe('a、b');
    expect(splitCreditNames(joinCreditNames(['An Lin', 'B, C'], 'en'))).toEqual(['An Lin', 'B, C']);
  });

  it('maps labels in either language and codes to the code', () => {
    expect(vocabularyCode(ALBUM_TYPES, '迷你專輯(EP)')).toBe('ep');
    expect(vocabularyCode(ALBUM_TYPES, '迷你專輯（EP）')).toBe('ep');
    expect(vocabularyCode(ALBUM_TYPES, ' solo  ALBUM ')).toBe('solo');
    expect(vocabularyCode(ALBUM_TYPES, 'best-of')).toBe('best-of');
    expect(vocabularyCode(ALBUM_TYPES, '爵士')).toBeUndefined();
  });

  it.each([
    [5, '0:05'],
    [245, '4:05'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
  ])('writes %d s as %s, which parses back', (seconds, shown) => {
    expect(formatTemplateDuration(seconds)).toBe(shown);
    expect(parseDuration(shown)).toEqual({ ok: true, value: seconds });
  });
});
