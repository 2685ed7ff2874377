/** Labels of album and track fields as the agency's forms name them, for messages. Browser-safe. */
export const FIELD_LABELS = {
  album: {
    title: { zh: '專輯名稱', en: 'album title' },
    credits: { zh: '作品職責', en: 'credits' },
    publisher: { zh: '發行公司', en: 'publisher / label' },
    releaseDate: { zh: '發行日期', en: 'release date' },
    productionCompany: { zh: '製作公司', en: 'production company' },
    totalDuration: { zh: '錄製長度', en: 'total duration' },
    albumType: { zh: '專輯類型', en: 'album type' },
    workCategory: { zh: '著作類別', en: 'work category' },
    mediaForm: { zh: '媒體形式', en: 'media form' },
    publicationCategory: { zh: '有聲出版類別', en: 'audio publication category' },
    tracks: { zh: '曲目', en: 'tracks' },
  },
  track: {
    isrc: { zh: 'ISRC 編號', en: 'ISRC' },
    title: { zh: '曲目名稱', en: 'track title' },
    credits: { zh: '作品職責', en: 'credits' },
    productionCompany: { zh: '製作公司', en: 'production company' },
    duration: { zh: '錄製長度', en: 'duration' },
    recordingDate: { zh: '錄製日期', en: 'recording date' },
    versionOfIsrc: { zh: '原版本 ISRC', en: 'ISRC of the original version' },
  },
} as const;

export type AlbumField = keyof typeof FIELD_LABELS.album;
export type TrackField = keyof typeof FIELD_LABELS.track;

export const PROBLEM_CODES = ['required', 'choose', 'credits', 'invalid', 'future', 'no-tracks', 'version-same-isrc', 'isrc-required', 'foreign-not-abroad'] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const TEMPLATES: Readonly<Record<ProblemCode, { zh: string; en: string }>> = {
  required: { zh: '請輸入{label}。', en: 'Please enter the {label}.' },
  choose: { zh: '請選擇{label}。', en: 'Please choose the {label}.' },
  credits: { zh: '請在作品職責中至少填寫一位姓名（例如表演者）。', en: 'Please enter at least one name under credits (e.g. the performer).' },
  invalid: { zh: '{label}的格式不正確。', en: 'The {label} is not valid.' },
  future: { zh: '{label}不可晚於今天。', en: 'The {label} may not be in the future.' },
  'no-tracks': { zh: '專輯至少需要一首曲目，請點選「曲目新增」。', en: 'An album needs at least one track; use "Add track".' },
  'version-same-isrc': {
    zh: '新版本（如 Remix）必須使用與原版本不同的 ISRC。',
    en: 'A new version (e.g. a remix) needs an ISRC different from the original.',
  },
  'isrc-required': { zh: '請輸入 ISRC 編號，或點選「下一個可用編號」。', en: 'Please enter an ISRC or take the next available one.' },
  'foreign-not-abroad': {
    zh: '境外錄音 ISRC 只能用於境外製作的錄音：請將「是否為境外作品」選為「是」，或改用本國的 ISRC 編號。',
    en: 'A foreign recording\'s ISRC is only for a recording produced abroad: set "Produced abroad?" to yes, or use an ISRC of this country instead.',
  },
};

export function problemMessage(scope: 'album' | 'track', field: string, code: ProblemCode, locale: 'zh-TW' | 'en', position?: number): string {
  const labels: Readonly<Record<string, { zh: string; en: string }>> = scope === 'album' ? FIELD_LABELS.album : FIELD_LABELS.track;
  const label = labels[field] ?? { zh: field, en: field };
  const template = TEMPLATES[code];
  const text = (locale === 'zh-TW' ? template.zh : template.en).replace('{label}', locale === 'zh-TW' ? label.zh : label.en);
  if (scope === 'track' && position !== undefined) {
    return locale === 'zh-TW' ? `第 ${position} 首：${text}` : `Track ${position}: ${text}`;
  }
  return text;
}

/** The album form's fields in form order: the web places server errors by it, review compares by it. */
export const ALBUM_FORM_FIELDS = [
  'releaseType',
  'title',
  'credits',
  'publisher',
  'releaseDate',
  'productionCompany',
  'totalDuration',
  'albumType',
  'workCategory',
  'mediaForm',
  'publicationCategory',
  'introduction',
  'retroactive',
] as const;

/** The track form's fields in form order (the recording's, plus its ISRC). */
export const TRACK_FORM_FIELDS = [
  'isrc',
  'title',
  'storyTitle',
  'episode',
  'theme',
  'playTitle',
  'description',
  'credits',
  'productionCompany',
  'duration',
  'recordingDate',
  'aiAssisted',
  'producedAbroad',
  'versionType',
  'versionOfIsrc',
] as const;
