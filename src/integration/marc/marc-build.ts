import {
  carrierOf,
  carrierType,
  contentType,
  CORPORATE_ROLES,
  extentOf,
  languageOf,
  materialSpecific,
  mediaTypes,
  PERFORMER_ROLES,
  physicalDescriptions,
  placeCode,
  placeOfPublication,
  recordTypeOf,
  RELATOR_TERMS,
  type Categories,
} from './marc-codes.js';
import { namesStatement, withinRecordLimit } from './marc-fit.js';
import { endWith, marcText, sf, truncateUtf8, type ControlField, type DataField, type MarcRecord } from './marc-record.js';

/** Pure: one approved album as a MARC 21 bibliographic record. Browser-safe. */

export interface MarcCredit {
  readonly role: string;
  readonly names: readonly string[];
}

export interface MarcTrack {
  readonly position: number;
  readonly title: string;
  /** Compact form (TWA012600001); null for a track without one. */
  readonly isrc: string | null;
  readonly durationSeconds: number | null;
  readonly credits: readonly MarcCredit[];
  readonly productionCompany: string;
}

export interface MarcAlbum extends Categories {
  readonly albumNumber: number;
  readonly title: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly releaseDate: string | null;
  readonly publisher: string;
  readonly productionCompany: string;
  readonly credits: readonly MarcCredit[];
  readonly totalDurationSeconds: number | null;
  readonly introduction: string;
  readonly approvedAt: Date;
  readonly updatedAt: Date;
  readonly tracks: readonly MarcTrack[];
}

export interface MarcSettings {
  /** The agency's country prefix (ISRC_COUNTRY_CODE): where the releases are published. */
  readonly countryCode: string;
  /** The agency's time zone: 005 and the date entered (008/00–05) are its clock, not UTC. */
  readonly timeZone: string;
}

/** Long notes are cut so a field stays inside ISO 2709's 9,999 bytes, with room for the rest of the record. */
const NOTE_MAX_BYTES = 8000;
/** Names in 245 $c and 511: an album may credit hundreds; the rest are counted ("[and N others]"). */
const NAMES_MAX_BYTES = 2000;

/** Date and time of the agency's clock, as digits: YYYYMMDDhhmmss. */
const stampFormats = new Map<string, Intl.DateTimeFormat>();

function agencyStamp(at: Date, timeZone: string): string {
  // A formatter is costly to build; a range export makes two stamps per album.
  let format = stampFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    stampFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}${get('month')}${get('day')}${get('hour')}${get('minute')}${get('second')}`;
}

/** 306 form: hhmmss. */
export function playingTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join('');
}

/** 505 form: m:ss, or h:mm:ss past an hour. */
export function clockTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The entered total, else the tracks' sum when every track has a duration. */
function totalSeconds(album: MarcAlbum): number | null {
  if (album.totalDurationSeconds !== null) {
    return album.totalDurationSeconds;
  }
  const durations = album.tracks.map((t) => t.durationSeconds);
  return durations.length > 0 && durations.every((d) => d !== null) ? durations.reduce<number>((a, d) => a + (d ?? 0), 0) : null;
}

const releaseYear = (album: MarcAlbum): string | null => album.releaseDate?.slice(0, 4) ?? null;

function fixedData(album: MarcAlbum, settings: MarcSettings, total: number | null): string {
  const type = recordTypeOf(album);
  const year = releaseYear(album);
  const dates = year === null ? 'nuuuuuuuu' : `s${year}    `;
  const language = languageOf([album.title, ...album.tracks.map((t) => t.title)], album.albumType);
  const entered = agencyStamp(album.approvedAt, settings.timeZone).slice(2, 8);
  return `${entered}${dates}${placeCode(settings.countryCode)}${materialSpecific(type, album, carrierOf(album), total)}${language} d`;
}

/** Names in order of first appearance, each with its relator terms (one 700/710 per name, not per role). */
function namesWithRoles(credits: readonly MarcCredit[]): Map<string, { corporate: boolean; terms: string[] }> {
  const names = new Map<string, { corporate: boolean; terms: string[] }>();
  for (const credit of credits) {
    const term = RELATOR_TERMS[credit.role] ?? credit.role;
    for (const raw of credit.names) {
      const name = marcText(raw);
      if (name === '') {
        continue;
      }
      const entry = names.get(name) ?? { corporate: CORPORATE_ROLES.has(credit.role), terms: [] };
      if (!entry.terms.includes(term)) {
        entry.terms.push(term);
      }
      names.set(name, entry);
    }
  }
  return names;
}

/**
 * A name in an added entry: the forms hold names to 200 characters (≤ 800 bytes), but a name stored
 * before that rule, or by another path, must not make a field over ISO 2709's 9,999 bytes and fail
 * the whole export.
 */
const ADDED_ENTRY_NAME_MAX_BYTES = 2000;

function addedEntries(album: MarcAlbum): DataField[] {
  const credits = [...album.credits, ...album.tracks.flatMap((t) => t.credits)];
  const companies = [album.productionCompany, ...album.tracks.map((t) => t.productionCompany)].filter((c) => marcText(c) !== '');
  const all = [...credits, ...(companies.length > 0 ? [{ role: 'production company', names: companies }] : [])];
  return [...namesWithRoles(all)].map(([name, { corporate, terms }]) => {
    const isCompany = corporate || terms.includes('production company');
    // Names are kept as the registrant entered them (direct order), hence 700 first indicator 0.
    return {
      tag: isCompany ? '710' : '700',
      ind1: isCompany ? '2' : '0',
      ind2: ' ',
      subfields: [sf('a', `${truncateUtf8(name, ADDED_ENTRY_NAME_MAX_BYTES)},`), ...terms.map((term, i) => sf('e', i === terms.length - 1 ? `${term}.` : `${term},`))],
    };
  });
}

function performers(album: MarcAlbum): string[] {
  const fromCredits = (credits: readonly MarcCredit[]) => credits.filter((c) => PERFORMER_ROLES.has(c.role)).flatMap((c) => c.names.map(marcText));
  const names = fromCredits(album.credits);
  const all = names.length > 0 ? names : album.tracks.flatMap((t) => fromCredits(t.credits));
  return [...new Set(all.filter((n) => n !== ''))];
}

function contents(album: MarcAlbum): string {
  const items = album.tracks.map((t) => {
    const title = marcText(t.title);
    return t.durationSeconds === null ? title : `${title} (${clockTime(t.durationSeconds)})`;
  });
  return truncateUtf8(endWith(items.join(' -- '), '.'), NOTE_MAX_BYTES);
}

function titleStatement(album: MarcAlbum, names: readonly string[]): DataField {
  const title = marcText(album.title);
  // No 1XX main entry (a release is entered under its title), hence first indicator 0.
  const subfields = names.length > 0 ? [sf('a', `${title} /`), sf('c', endWith(namesStatement(names, NAMES_MAX_BYTES), '.'))] : [sf('a', endWith(title, '.'))];
  return { tag: '245', ind1: '0', ind2: '0', subfields };
}

function publication(album: MarcAlbum, settings: MarcSettings): DataField {
  const publisher = marcText(album.publisher) || '[publisher not identified]';
  const year = releaseYear(album) ?? '[date of publication not identified]';
  return { tag: '264', ind1: ' ', ind2: '1', subfields: [sf('a', `${placeOfPublication(settings.countryCode)} :`), sf('b', `${publisher},`), sf('c', endWith(year, '.'))] };
}

/** The MARC 21 record of one approved album (leader position 9 `a`: UTF-8). */
export function buildMarcRecord(album: MarcAlbum, settings: MarcSettings): MarcRecord {
  const type = recordTypeOf(album);
  const carrier = carrierOf(album);
  const total = totalSeconds(album);
  const names = performers(album);
  const controlFields: ControlField[] = [
    { tag: '001', value: String(album.albumNumber) },
    { tag: '005', value: `${agencyStamp(album.updatedAt, settings.timeZone)}.0` },
    ...physicalDescriptions(type, carrier).map((value) => ({ tag: '007', value })),
    { tag: '008', value: fixedData(album, settings, total) },
  ];
  const isrcs = [...new Set(album.tracks.flatMap((t) => (t.isrc === null ? [] : [t.isrc])))];
  const content = contentType(type);
  const carrierTerm = carrierType(type, carrier);
  const introduction = marcText(album.introduction);
  const dataFields: DataField[] = [
    titleStatement(album, names),
    publication(album, settings),
    { tag: '300', ind1: ' ', ind2: ' ', subfields: [sf('a', extentOf(type, carrier, album.tracks.length))] },
    ...(total === null ? [] : [{ tag: '306', ind1: ' ', ind2: ' ', subfields: [sf('a', playingTime(total))] }]),
    { tag: '336', ind1: ' ', ind2: ' ', subfields: [sf('a', content.term), sf('b', content.code), sf('2', 'rdacontent')] },
    ...mediaTypes(type, carrier).map((m) => ({ tag: '337', ind1: ' ', ind2: ' ', subfields: [sf('a', m.term), sf('b', m.code), sf('2', 'rdamedia')] })),
    { tag: '338', ind1: ' ', ind2: ' ', subfields: [sf('a', carrierTerm.term), sf('b', carrierTerm.code), sf('2', 'rdacarrier')] },
    ...(album.tracks.length === 0 ? [] : [{ tag: '505', ind1: '0', ind2: ' ', subfields: [sf('a', contents(album))] }]),
    ...(names.length === 0 ? [] : [{ tag: '511', ind1: '0', ind2: ' ', subfields: [sf('a', endWith(namesStatement(names, NAMES_MAX_BYTES), '.'))] }]),
    ...(introduction === '' ? [] : [{ tag: '520', ind1: ' ', ind2: ' ', subfields: [sf('a', truncateUtf8(introduction, NOTE_MAX_BYTES))] }]),
  ];
  const leader = `00000n${type}m a22000007i 4500`;
  // ISRCs (024, first) and added entries (last) only as many as fit: the other fields are bounded,
  // tracks and names are not.
  const isrcFields = isrcs.map((isrc): DataField => ({ tag: '024', ind1: '0', ind2: ' ', subfields: [sf('a', isrc)] }));
  return withinRecordLimit({ leader, controlFields, dataFields }, isrcFields, addedEntries(album), '500');
}
