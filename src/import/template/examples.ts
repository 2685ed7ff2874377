/**
 * The filled example rows of a downloaded template (row 2 onwards of each data sheet), and how the
 * importer recognises them to skip them: the title starts with 範例： / Example:, and in a catalogue
 * the album key is 範例 / Example. Pure and browser-safe.
 */
import type { ColumnKeyOf, SheetKey, TemplateKind, TemplateLang } from './columns.js';

export const EXAMPLE_MARKER = { 'zh-TW': '範例', en: 'Example' } as const;

type Row<S extends SheetKey> = Partial<Record<ColumnKeyOf<S>, string>>;

const ALBUM: Record<TemplateLang, Row<'album'>> = {
  'zh-TW': {
    releaseType: '數位發行',
    title: '範例：山與海之間',
    'credits.performer': '林小安',
    'credits.lyricist': '陳文心',
    'credits.composer': '林小安、王大明',
    'credits.arranger': '王大明',
    publisher: '山海唱片股份有限公司',
    releaseDate: '2026.01.02',
    productionCompany: '山海音樂製作有限公司',
    totalDuration: '8:03',
    albumType: '個人專輯',
    workCategory: '錄音資料',
    mediaForm: '數位發行',
    publicationCategory: '流行音樂',
    introduction: '此列為範例，匯入時會略過；可刪除或直接覆寫。',
    retroactive: '否',
  },
  en: {
    releaseType: 'Digital release',
    title: 'Example: Between Mountain and Sea',
    'credits.performer': 'An Lin',
    'credits.lyricist': 'Wen-Hsin Chen',
    'credits.composer': 'An Lin; Ta-Ming Wang',
    'credits.arranger': 'Ta-Ming Wang',
    publisher: 'Mountain Sea Records Co., Ltd.',
    releaseDate: '2026.01.02',
    productionCompany: 'Mountain Sea Music Production Ltd.',
    totalDuration: '8:03',
    albumType: 'Solo album',
    workCategory: 'Sound recording',
    mediaForm: 'Digital',
    publicationCategory: 'Popular music',
    introduction: 'This row is an example and is skipped on import; delete it or type over it.',
    retroactive: 'No',
  },
};

const TRACKS: Record<TemplateLang, Row<'tracks'>[]> = {
  'zh-TW': [
    {
      trackNumber: '1',
      cited: '否',
      isrc: 'TWK7Q2600001',
      title: '範例：山歌',
      'credits.performer': '林小安',
      'credits.lyricist': '陳文心',
      'credits.composer': '林小安',
      'credits.arranger': '王大明',
      'credits.producer': '王大明',
      productionCompany: '山海音樂製作有限公司',
      duration: '4:05',
      recordingDate: '2025.09',
      aiAssisted: '否',
      producedAbroad: '否',
    },
    {
      trackNumber: '2',
      cited: '否',
      isrc: 'TWK7Q2600002',
      title: '範例：海風（Remix）',
      'credits.performer': '林小安',
      'credits.composer': '王大明',
      productionCompany: '山海音樂製作有限公司',
      duration: '3:58',
      recordingDate: '2025.10',
      aiAssisted: '否',
      producedAbroad: '否',
      versionType: '混音版（Remix）',
      versionOfIsrc: 'TWK7Q2500003',
    },
  ],
  en: [
    {
      trackNumber: '1',
      cited: 'No',
      isrc: 'TWK7Q2600001',
      title: 'Example: Mountain Song',
      'credits.performer': 'An Lin',
      'credits.lyricist': 'Wen-Hsin Chen',
      'credits.composer': 'An Lin',
      'credits.arranger': 'Ta-Ming Wang',
      'credits.producer': 'Ta-Ming Wang',
      productionCompany: 'Mountain Sea Music Production Ltd.',
      duration: '4:05',
      recordingDate: '2025.09',
      aiAssisted: 'No',
      producedAbroad: 'No',
    },
    {
      trackNumber: '2',
      cited: 'No',
      isrc: 'TWK7Q2600002',
      title: 'Example: Sea Breeze (Remix)',
      'credits.performer': 'An Lin',
      'credits.composer': 'Ta-Ming Wang',
      productionCompany: 'Mountain Sea Music Production Ltd.',
      duration: '3:58',
      recordingDate: '2025.10',
      aiAssisted: 'No',
      producedAbroad: 'No',
      versionType: 'Remix',
      versionOfIsrc: 'TWK7Q2500003',
    },
  ],
};

/** The example rows as the template writes them (cell texts by column key); 專輯代號 filled in a catalogue. */
export function exampleRows<S extends SheetKey>(sheet: S, kind: TemplateKind, lang: TemplateLang): Row<S>[] {
  const rows = (sheet === 'album' ? [ALBUM[lang]] : TRACKS[lang]) as Row<S>[];
  return kind === 'catalogue' ? rows.map((row) => ({ albumKey: EXAMPLE_MARKER[lang], ...row }) as Row<S>) : rows.map((row) => ({ ...row }));
}

const comparable = (value: string): string => value.normalize('NFKC').trim().toLowerCase();
const MARKERS = [EXAMPLE_MARKER['zh-TW'], EXAMPLE_MARKER.en].map(comparable);
const TITLE_PREFIX = new RegExp(`^(?:${MARKERS.join('|')})\\s*:`);

/**
 * Whether a data row is the template's example, to be skipped (the preview should say so): its title
 * starts with 範例： or Example: (either language, full-width colon too), or its 專輯代號 is 範例 / Example.
 * `cell` gives a column's text as read (null or undefined when blank or absent).
 */
export function isExampleRow<S extends SheetKey>(sheet: S, cell: (key: ColumnKeyOf<S>) => string | null | undefined): boolean {
  const key = cell('albumKey');
  if (key !== null && key !== undefined && MARKERS.includes(comparable(key))) {
    return true;
  }
  const title = cell('title');
  return title !== null && title !== undefined && TITLE_PREFIX.test(comparable(title));
}
