/**
 * Findings: what an officer should look at before deciding on an album, each with a severity and
 * a plain sentence in both languages. Pure and browser-safe: the server computes them from the
 * album, its tracks and what the repository found (possible duplicates, unknown originals).
 */
import { CREDIT_ROLES } from '../catalog/vocabularies.js';
import { isIsrc, parseIsrcParts, formatDisplay } from '../isrc/isrc.js';
import { fullYearOf } from '../isrc/year.js';
import { looksLikeSameRecording, type CreditLike } from './duplicate-key.js';

export const FINDING_SEVERITIES = ['error', 'warning', 'info'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_CODES = [
  'golden-melody-credits-missing',
  'isrc-year-after-release',
  'retroactive-after-code',
  'version-original-missing',
  'version-original-unknown',
  'possible-duplicate',
  'duplicate-in-album',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  trackId?: string;
  position?: number;
  message: { 'zh-TW': string; en: string };
}

export interface FindingTrack {
  trackId: string;
  position: number;
  recordingId: string;
  title: string;
  isrc: string | null;
  credits: readonly CreditLike[];
  durationSeconds: number | null;
  versionType: string | null;
  versionOfIsrc: string | null;
}

/** A recording elsewhere in the registry that looks like one of the album's tracks. */
export interface DuplicateMatch {
  trackId: string;
  isrc: string | null;
  title: string;
  registrantName: string;
  sameRegistrant: boolean;
  albumNumber: number | null;
}

export interface FindingInput {
  album: { releaseDate: string | null; retroactive: boolean };
  tracks: readonly FindingTrack[];
  /** Years the registrant's own codes were allocated (empty for individuals). */
  codeYears: readonly number[];
  duplicates: readonly DuplicateMatch[];
  /** versionOfIsrc values that no recording in the registry carries. */
  unknownOriginals: ReadonlySet<string>;
}

const GOLDEN_MELODY_ROLES = CREDIT_ROLES.filter((r) => r.goldenMelodyRequired);
const SEVERITY_ORDER: Readonly<Record<FindingSeverity, number>> = { error: 0, warning: 1, info: 2 };

const showIsrc = (isrc: string | null) => (isrc !== null && isIsrc(isrc) ? formatDisplay(isrc) : (isrc ?? '—'));
const trackLabel = (t: FindingTrack) => ({ zh: `第 ${t.position} 首「${t.title || '未命名'}」`, en: `Track ${t.position} "${t.title || 'untitled'}"` });

function goldenMelody(t: FindingTrack): Finding[] {
  const named = new Set(t.credits.filter((c) => c.names.some((n) => n.trim() !== '')).map((c) => c.role));
  const missing = GOLDEN_MELODY_ROLES.filter((r) => !named.has(r.code));
  if (missing.length === 0) {
    return [];
  }
  const l = trackLabel(t);
  return [
    {
      code: 'golden-melody-credits-missing',
      severity: 'warning',
      trackId: t.trackId,
      position: t.position,
      message: {
        'zh-TW': `${l.zh}缺少報名金曲獎必填的作品職責：${missing.map((r) => r.zh).join('、')}。`,
        en: `${l.en} lacks credits required for the Golden Melody Awards: ${missing.map((r) => r.en.toLowerCase()).join(', ')}.`,
      },
    },
  ];
}

function releaseYear(releaseDate: string | null): number | undefined {
  const m = releaseDate === null ? null : /^(\d{4})/.exec(releaseDate);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

function isrcYearAfterRelease(t: FindingTrack, year: number | undefined, retroactive: boolean): Finding[] {
  if (retroactive || year === undefined || t.isrc === null || !isIsrc(t.isrc)) {
    return [];
  }
  const isrcYear = fullYearOf(parseIsrcParts(t.isrc).yearOfReference);
  if (isrcYear <= year) {
    return [];
  }
  const l = trackLabel(t);
  return [
    {
      code: 'isrc-year-after-release',
      severity: 'warning',
      trackId: t.trackId,
      position: t.position,
      message: {
        'zh-TW': `${l.zh}的 ISRC ${showIsrc(t.isrc)} 錄製年代碼為 ${isrcYear} 年，晚於專輯發行年份 ${year} 年；一般編碼應於發行前編配，請確認發行日期或是否為回溯編碼。`,
        en: `${l.en} has ISRC ${showIsrc(t.isrc)} from ${isrcYear}, later than the album's release year ${year}; regular codes are assigned before release: check the release date or whether the album is retroactive.`,
      },
    },
  ];
}

function retroactiveAfterCode(input: FindingInput, year: number | undefined): Finding[] {
  if (!input.album.retroactive || year === undefined || input.codeYears.length === 0) {
    return [];
  }
  const codeYear = Math.min(...input.codeYears);
  if (year <= codeYear) {
    return [];
  }
  return [
    {
      code: 'retroactive-after-code',
      severity: 'error',
      message: {
        'zh-TW': `本專輯標示為回溯編碼，但發行年份 ${year} 年晚於登記者取得登記者代碼的 ${codeYear} 年；回溯編碼僅適用於取得代碼前已發行的錄音。`,
        en: `The album is marked retroactive, but it was released in ${year}, after the registrant received its code in ${codeYear}; retroactive assignment is only for recordings released before that.`,
      },
    },
  ];
}

function versionOriginal(t: FindingTrack, unknown: ReadonlySet<string>): Finding[] {
  const l = trackLabel(t);
  if (t.versionType !== null && t.versionOfIsrc === null) {
    return [
      {
        code: 'version-original-missing',
        severity: 'warning',
        trackId: t.trackId,
        position: t.position,
        message: { 'zh-TW': `${l.zh}是另一錄音的版本，但未填原始錄音的 ISRC。`, en: `${l.en} is a version of another recording, but the original's ISRC is not given.` },
      },
    ];
  }
  if (t.versionOfIsrc !== null && unknown.has(t.versionOfIsrc)) {
    return [
      {
        code: 'version-original-unknown',
        severity: 'info',
        trackId: t.trackId,
        position: t.position,
        message: {
          'zh-TW': `${l.zh}的原始錄音 ISRC ${showIsrc(t.versionOfIsrc)} 不在本系統中（可能為境外錄音），請確認。`,
          en: `${l.en} is a version of ISRC ${showIsrc(t.versionOfIsrc)}, which is not registered here (it may be foreign): please check it.`,
        },
      },
    ];
  }
  return [];
}

function possibleDuplicates(input: FindingInput): Finding[] {
  const byId = new Map(input.tracks.map((t) => [t.trackId, t]));
  return input.duplicates.flatMap((d): Finding[] => {
    const t = byId.get(d.trackId);
    if (t === undefined) {
      return [];
    }
    const l = trackLabel(t);
    const where = d.albumNumber === null ? '' : `（專輯編號 ${d.albumNumber}）`;
    const whereEn = d.albumNumber === null ? '' : ` (album ${d.albumNumber})`;
    const who = d.sameRegistrant ? { zh: '本登記者', en: 'this registrant' } : { zh: d.registrantName, en: d.registrantName };
    return [
      {
        code: 'possible-duplicate',
        severity: 'warning',
        trackId: t.trackId,
        position: t.position,
        message: {
          'zh-TW': `${l.zh}可能與已登記的錄音重複：${who.zh}的「${d.title}」${d.isrc === null ? '' : `（ISRC ${showIsrc(d.isrc)}）`}${where}，名稱與主要表演者相同，長度相差 2 秒內。`,
          en: `${l.en} may duplicate a registered recording: "${d.title}"${d.isrc === null ? '' : ` (ISRC ${showIsrc(d.isrc)})`} of ${who.en}${whereEn}, with the same title and main performer and a duration within 2 s.`,
        },
      },
    ];
  });
}

function duplicatesInAlbum(tracks: readonly FindingTrack[]): Finding[] {
  const out: Finding[] = [];
  tracks.forEach((t, i) => {
    const earlier = tracks.slice(0, i).find((e) => e.recordingId === t.recordingId || looksLikeSameRecording(e, t));
    if (earlier !== undefined) {
      const l = trackLabel(t);
      out.push({
        code: 'duplicate-in-album',
        severity: 'error',
        trackId: t.trackId,
        position: t.position,
        message: {
          'zh-TW': `${l.zh}與第 ${earlier.position} 首看來是同一錄音（名稱、主要表演者相同，長度相差 2 秒內），同一錄音在專輯中回報了兩次。`,
          en: `${l.en} looks like the same recording as track ${earlier.position} (same title and main performer, duration within 2 s): one recording reported twice on the album.`,
        },
      });
    }
  });
  return out;
}

/** Every finding of the album, errors first, then by track position. */
export function albumFindings(input: FindingInput): Finding[] {
  const year = releaseYear(input.album.releaseDate);
  const all = [
    ...retroactiveAfterCode(input, year),
    ...input.tracks.flatMap((t) => [...goldenMelody(t), ...isrcYearAfterRelease(t, year, input.album.retroactive), ...versionOriginal(t, input.unknownOriginals)]),
    ...possibleDuplicates(input),
    ...duplicatesInAlbum(input.tracks),
  ];
  return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.position ?? 0) - (b.position ?? 0));
}
