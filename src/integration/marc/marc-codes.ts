/**
 * The coded parts of a record (leader/06, 007, 008, RDA carrier terms, relator terms) mapped from
 * our album vocabularies (src/catalog/vocabularies.ts). Pure and browser-safe.
 */

/** Leader/06: `j` musical sound recording, `i` non-musical sound recording, `g` projected medium (video). */
export type RecordType = 'j' | 'i' | 'g';

/** What the release is carried on, from 發行類型 and 媒體型式. */
export type Carrier = 'online' | 'audio-disc' | 'vinyl' | 'cassette' | 'videodisc' | 'blu-ray' | 'usb' | 'other';

export interface Categories {
  readonly releaseType: 'digital' | 'physical';
  readonly albumType: string | null;
  readonly workCategory: string | null;
  readonly mediaForm: string | null;
  readonly publicationCategory: string | null;
}

/** Spoken rather than music (有聲書, 演講, 說唱藝術 such as 相聲). */
const NON_MUSICAL = new Set(['audiobook', 'speech', 'spoken-arts']);

export function recordTypeOf(c: Categories): RecordType {
  if (c.workCategory === 'music-video') {
    return 'g';
  }
  if (NON_MUSICAL.has(c.albumType ?? '') || NON_MUSICAL.has(c.publicationCategory ?? '')) {
    return 'i';
  }
  return 'j';
}

const PHYSICAL_CARRIERS: Readonly<Record<string, Carrier>> = {
  cd: 'audio-disc',
  vinyl: 'vinyl',
  cassette: 'cassette',
  dvd: 'videodisc',
  'blu-ray': 'blu-ray',
  usb: 'usb',
};

export function carrierOf(c: Categories): Carrier {
  // A digital release is an online resource whatever 媒體型式 says.
  if (c.releaseType === 'digital') {
    return 'online';
  }
  return PHYSICAL_CARRIERS[c.mediaForm ?? ''] ?? 'other';
}

/** 007 for a sound recording, by position (MARC 21 007/00–13). */
const SOUND_007: Readonly<Record<Carrier, string>> = {
  'audio-disc': 'sd fungnnmmned',
  vinyl: 'sd bumennmpluu',
  cassette: 'ss lunjlcmunuu',
  online: 'sr nunnnnnnnnd',
  usb: 'sz nunnnnnnnnd',
  videodisc: 'sd fungnnmmned',
  'blu-ray': 'sd fungnnmmned',
  other: 'su uuuuuuuuuuu',
};
/** 007 for an online resource (c = electronic resource, r = remote, sound present). */
const REMOTE_007 = 'cr una||||||||';

/** The 007 fields: physical description of the carrier, then the remote-access one for online releases. */
export function physicalDescriptions(type: RecordType, carrier: Carrier): string[] {
  if (type === 'g') {
    if (carrier === 'videodisc' || carrier === 'blu-ray') {
      return [`vd |${carrier === 'blu-ray' ? 's' : 'v'}aizu`];
    }
    return carrier === 'online' ? [REMOTE_007] : ['vz |zaizu'];
  }
  return carrier === 'online' ? [SOUND_007.online, REMOTE_007] : [SOUND_007[carrier]];
}

/** 008/18–19 form of composition, from 出版品類別. */
const COMPOSITION_FORMS: Readonly<Record<string, string>> = {
  popular: 'pp',
  classical: 'mu',
  traditional: 'fm',
  'film-soundtrack': 'mp',
  'tv-soundtrack': 'mp',
  opera: 'op',
};
/** 008/30–31 literary text of a non-musical recording. */
const LITERARY_TEXT: Readonly<Record<string, string>> = { audiobook: 'f ', speech: 'l ', 'spoken-arts': 'k ' };

/** 008/18–34 of a sound recording (music format) or of a video (visual materials format); 17 characters. */
export function materialSpecific(type: RecordType, c: Categories, carrier: Carrier, totalSeconds: number | null): string {
  const audience = c.publicationCategory === 'children' ? 'j' : ' ';
  const formOfItem = carrier === 'online' ? 'o' : ' ';
  if (type === 'g') {
    const minutes = totalSeconds === null ? '---' : String(Math.min(999, Math.max(1, Math.round(totalSeconds / 60)))).padStart(3, '0');
    return `${minutes} ${audience}      ${formOfItem}   vl`;
  }
  const form = type === 'i' ? 'nn' : (COMPOSITION_FORMS[c.publicationCategory ?? ''] ?? 'uu');
  const literary = type === 'i' ? (LITERARY_TEXT[c.albumType ?? ''] ?? LITERARY_TEXT[c.publicationCategory ?? ''] ?? 'z ') : '  ';
  return `${form}nn${audience}${formOfItem}      ${literary} n `;
}

/** 008/15–17 (MARC Code List for Countries): Taiwan is `ch`; elsewhere not coded here. */
export function placeCode(countryCode: string): string {
  return countryCode === 'TW' ? 'ch ' : 'xx ';
}

/** 264 $a: the place is not on the registrant's form, so it is supplied in brackets (RDA 2.8.2.6.2). */
export function placeOfPublication(countryCode: string): string {
  return countryCode === 'TW' ? '[Taiwan]' : '[Place of publication not identified]';
}

/**
 * 008/35–37 from the script of the titles: kana means Japanese, Hangul Korean, Han (without either)
 * Chinese; an instrumental album has no language (`zxx`); Latin letters alone do not tell, so `und`.
 */
export function languageOf(titles: readonly string[], albumType: string | null): string {
  if (albumType === 'instrumental') {
    return 'zxx';
  }
  const text = titles.join(' ');
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) {
    return 'jpn';
  }
  if (/\p{Script=Hangul}/u.test(text)) {
    return 'kor';
  }
  return /\p{Script=Han}/u.test(text) ? 'chi' : 'und';
}

interface RdaTerm {
  readonly term: string;
  readonly code: string;
}
const t = (term: string, code: string): RdaTerm => ({ term, code });

/** 336 content type (RDA content terms). */
export function contentType(type: RecordType): RdaTerm {
  return type === 'j' ? t('performed music', 'prm') : type === 'i' ? t('spoken word', 'spw') : t('two-dimensional moving image', 'tdi');
}

/** 337 media types: audio or video, and computer for an online release. */
export function mediaTypes(type: RecordType, carrier: Carrier): RdaTerm[] {
  const base = type === 'g' ? t('video', 'v') : t('audio', 's');
  if (carrier === 'online') {
    return [base, t('computer', 'c')];
  }
  return carrier === 'usb' ? [t('computer', 'c')] : [base];
}

/** 338 carrier type (RDA carrier terms). */
export function carrierType(type: RecordType, carrier: Carrier): RdaTerm {
  switch (carrier) {
    case 'online':
      return t('online resource', 'cr');
    case 'audio-disc':
    case 'vinyl':
      return t('audio disc', 'sd');
    case 'cassette':
      return t('audiocassette', 'ss');
    case 'videodisc':
    case 'blu-ray':
      return type === 'g' ? t('videodisc', 'vd') : t('audio disc', 'sd');
    case 'usb':
      return t('computer chip cartridge', 'cb');
    case 'other':
      return type === 'g' ? t('other', 'vz') : t('other', 'sz');
  }
}

/** 300 $a extent. */
export function extentOf(type: RecordType, carrier: Carrier, trackCount: number): string {
  const units = type === 'g' ? 'video' : 'track';
  switch (carrier) {
    case 'online':
      return `1 online resource (${trackCount} ${units}${trackCount === 1 ? '' : 's'})`;
    case 'audio-disc':
    case 'vinyl':
      return '1 audio disc';
    case 'cassette':
      return '1 audiocassette';
    case 'videodisc':
    case 'blu-ray':
      return type === 'g' ? '1 videodisc' : '1 audio disc';
    case 'usb':
      return '1 USB flash drive';
    case 'other':
      return type === 'g' ? '1 video recording' : '1 sound recording';
  }
}

/** 700/710 $e: MARC relator terms for our credit roles. */
export const RELATOR_TERMS: Readonly<Record<string, string>> = {
  performer: 'performer',
  lyricist: 'lyricist',
  composer: 'composer',
  arranger: 'arranger',
  producer: 'producer',
  'featured-artist': 'performer',
  conductor: 'conductor',
  ensemble: 'performer',
  chorus: 'performer',
  narrator: 'narrator',
  translator: 'translator',
  'original-author': 'author',
  'music-director': 'musical director',
  'recording-engineer': 'recording engineer',
  'mixing-engineer': 'mixing engineer',
  'mastering-engineer': 'mastering engineer',
  director: 'director',
};

/** Roles whose names are groups, so they go to 710 (corporate name) rather than 700 (personal name). */
export const CORPORATE_ROLES: ReadonlySet<string> = new Set(['ensemble', 'chorus']);

/** Roles whose names the 511 performer note lists. */
export const PERFORMER_ROLES: ReadonlySet<string> = new Set(['performer', 'featured-artist', 'conductor', 'ensemble', 'chorus', 'narrator']);
