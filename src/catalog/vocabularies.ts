/**
 * Controlled vocabularies of the album and track forms, in one place: the API validates against
 * them, the web app and the import template show their labels. Pure and browser-safe.
 */
export interface Term {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export interface CreditRoleTerm extends Term {
  /** Marked 「報名金曲獎必填項目」 on the track form. */
  readonly goldenMelodyRequired: boolean;
}

export const CREDIT_ROLES = [
  { code: 'performer', zh: '表演者', en: 'Performer', goldenMelodyRequired: true },
  { code: 'lyricist', zh: '作詞者', en: 'Lyricist', goldenMelodyRequired: true },
  { code: 'composer', zh: '作曲者', en: 'Composer', goldenMelodyRequired: true },
  { code: 'arranger', zh: '編曲者', en: 'Arranger', goldenMelodyRequired: true },
  { code: 'producer', zh: '製作人', en: 'Producer', goldenMelodyRequired: true },
  { code: 'featured-artist', zh: '客座表演者', en: 'Featured artist', goldenMelodyRequired: false },
  { code: 'conductor', zh: '指揮', en: 'Conductor', goldenMelodyRequired: false },
  { code: 'ensemble', zh: '樂團', en: 'Ensemble / orchestra', goldenMelodyRequired: false },
  { code: 'chorus', zh: '合唱團', en: 'Choir', goldenMelodyRequired: false },
  { code: 'narrator', zh: '旁白／說書人', en: 'Narrator', goldenMelodyRequired: false },
  { code: 'translator', zh: '譯詞者', en: 'Translator', goldenMelodyRequired: false },
  { code: 'original-author', zh: '原著作者', en: 'Original author', goldenMelodyRequired: false },
  { code: 'music-director', zh: '音樂總監', en: 'Music director', goldenMelodyRequired: false },
  { code: 'recording-engineer', zh: '錄音師', en: 'Recording engineer', goldenMelodyRequired: false },
  { code: 'mixing-engineer', zh: '混音師', en: 'Mixing engineer', goldenMelodyRequired: false },
  { code: 'mastering-engineer', zh: '母帶後製師', en: 'Mastering engineer', goldenMelodyRequired: false },
  { code: 'director', zh: '導演', en: 'Director', goldenMelodyRequired: false },
] as const satisfies readonly CreditRoleTerm[];

/** The roles the album form shows by default (the guide's four); others are added from the list. */
export const ALBUM_DEFAULT_ROLES = ['performer', 'lyricist', 'composer', 'arranger'] as const;
/** The track form adds 製作人. */
export const TRACK_DEFAULT_ROLES = ['performer', 'lyricist', 'composer', 'arranger', 'producer'] as const;

export const RELEASE_TYPES = [
  { code: 'digital', zh: '數位發行', en: 'Digital release' },
  { code: 'physical', zh: '實體發行', en: 'Physical release' },
] as const satisfies readonly Term[];

export const ALBUM_TYPES = [
  { code: 'solo', zh: '個人專輯', en: 'Solo album' },
  { code: 'compilation', zh: '多人演唱合輯', en: 'Multi-artist compilation' },
  { code: 'single', zh: '單曲', en: 'Single' },
  { code: 'ep', zh: '迷你專輯（EP）', en: 'EP' },
  { code: 'best-of', zh: '精選輯', en: 'Best-of' },
  { code: 'live', zh: '現場錄音專輯', en: 'Live album' },
  { code: 'soundtrack', zh: '原聲帶', en: 'Soundtrack' },
  { code: 'instrumental', zh: '演奏專輯', en: 'Instrumental album' },
  { code: 'audiobook', zh: '有聲書', en: 'Audiobook' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Term[];

export const WORK_CATEGORIES = [
  { code: 'sound-recording', zh: '錄音資料', en: 'Sound recording' },
  { code: 'music-video', zh: '音樂性錄影資料', en: 'Music video' },
] as const satisfies readonly Term[];

export const MEDIA_FORMS = [
  { code: 'digital', zh: '數位發行', en: 'Digital' },
  { code: 'cd', zh: 'CD', en: 'CD' },
  { code: 'vinyl', zh: '黑膠唱片', en: 'Vinyl' },
  { code: 'cassette', zh: '錄音帶', en: 'Cassette' },
  { code: 'dvd', zh: 'DVD', en: 'DVD' },
  { code: 'blu-ray', zh: '藍光光碟', en: 'Blu-ray' },
  { code: 'usb', zh: 'USB 隨身碟', en: 'USB drive' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Term[];

export const PUBLICATION_CATEGORIES = [
  { code: 'popular', zh: '流行音樂', en: 'Popular music' },
  { code: 'classical', zh: '古典音樂', en: 'Classical music' },
  { code: 'traditional', zh: '傳統音樂', en: 'Traditional music' },
  { code: 'religious', zh: '宗教音樂', en: 'Religious music' },
  { code: 'children', zh: '兒童音樂', en: "Children's music" },
  { code: 'film-soundtrack', zh: '電影原聲帶', en: 'Film soundtrack' },
  { code: 'tv-soundtrack', zh: '電視原聲帶', en: 'TV soundtrack' },
  { code: 'game-soundtrack', zh: '遊戲原聲帶', en: 'Game soundtrack' },
  { code: 'opera', zh: '戲曲', en: 'Chinese opera' },
  { code: 'spoken-arts', zh: '說唱藝術', en: 'Spoken arts' },
  { code: 'audiobook', zh: '有聲書', en: 'Audiobook' },
  { code: 'speech', zh: '演講', en: 'Speech' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Term[];

/** A new version of a recording is a new recording and needs a new ISRC. */
export const VERSION_TYPES = [
  { code: 'remix', zh: '混音版（Remix）', en: 'Remix' },
  { code: 'edit', zh: '剪輯版', en: 'Edit' },
  { code: 'live', zh: '現場版', en: 'Live' },
  { code: 're-recording', zh: '重新錄製', en: 'Re-recording' },
  { code: 'other', zh: '其他版本', en: 'Other' },
] as const satisfies readonly Term[];

type Codes<T extends readonly Term[]> = T[number]['code'];
export type CreditRole = Codes<typeof CREDIT_ROLES>;
export type ReleaseType = Codes<typeof RELEASE_TYPES>;
export type AlbumType = Codes<typeof ALBUM_TYPES>;
export type WorkCategory = Codes<typeof WORK_CATEGORIES>;
export type MediaForm = Codes<typeof MEDIA_FORMS>;
export type PublicationCategory = Codes<typeof PUBLICATION_CATEGORIES>;
export type VersionType = Codes<typeof VERSION_TYPES>;

export const VOCABULARIES = {
  creditRoles: CREDIT_ROLES,
  releaseTypes: RELEASE_TYPES,
  albumTypes: ALBUM_TYPES,
  workCategories: WORK_CATEGORIES,
  mediaForms: MEDIA_FORMS,
  publicationCategories: PUBLICATION_CATEGORIES,
  versionTypes: VERSION_TYPES,
} as const;

export function codesOf<T extends readonly Term[]>(terms: T): [Codes<T>, ...Codes<T>[]] {
  const codes = terms.map((t) => t.code);
  const [first, ...rest] = codes;
  if (first === undefined) {
    throw new Error('empty vocabulary');
  }
  return [first, ...rest];
}

export function labelOf(terms: readonly Term[], code: string, locale: 'zh-TW' | 'en'): string {
  const term = terms.find((t) => t.code === code);
  return term === undefined ? code : locale === 'zh-TW' ? term.zh : term.en;
}
