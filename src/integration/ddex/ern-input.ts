/**
 * An approved album (as the catalog service answers it) turned into the ERN model: parties named
 * once each, one resource per track in album order, the release. Pure, so every mapping rule is
 * testable without a database.
 */
import type { AlbumResponse } from '../../catalog/catalog.schemas.js';
import { labelOf, PUBLICATION_CATEGORIES } from '../../catalog/vocabularies.js';
import { ddexCreditRole } from './ddex-roles.js';
import { ddexDate, releaseKind, soundRecordingType, titleLanguage } from './ddex-values.js';
import type { ErnContributor, ErnDisplayArtist, ErnMessage, ErnMessagingParty, ErnParty, ErnResource } from './ern-message.js';

/** The display name ERN guidance uses when a release or track names no artist at all. */
export const VARIOUS_ARTISTS = 'Various Artists';

export interface ErnInput {
  readonly album: AlbumResponse;
  readonly registrantName: string;
  readonly sender: ErnMessagingParty;
  readonly recipient: ErnMessagingParty;
  /** The message's creation time (the service's clock). */
  readonly now: Date;
}

/** A track that cannot be sent: ERN requires an ISRC-identified resource with a duration. */
export interface ErnTrackGap {
  readonly position: number;
  readonly missing: 'isrc' | 'duration';
}

export type ErnResult = { readonly ok: true; readonly message: ErnMessage } | { readonly ok: false; readonly gaps: readonly ErnTrackGap[] };

type Credits = AlbumResponse['credits'];
type AlbumTrack = AlbumResponse['tracks'][number];

/** Names → party references (P1, P2, …), each name once however many credits it has. */
class PartyBook {
  private readonly byName = new Map<string, ErnParty>();

  reference(name: string): string {
    const existing = this.byName.get(name);
    if (existing !== undefined) {
      return existing.reference;
    }
    const party = { reference: `P${String(this.byName.size + 1)}`, name, language: titleLanguage(name) };
    this.byName.set(name, party);
    return party.reference;
  }

  get parties(): ErnParty[] {
    return [...this.byName.values()];
  }
}

const namesOf = (names: readonly string[]): string[] => names.map((n) => n.trim()).filter((n) => n !== '');

interface People {
  artists: ErnDisplayArtist[];
  artistNames: { main: string[]; featured: string[] };
  contributors: ErnContributor[];
}

function people(book: PartyBook, credits: Credits): People {
  const result: People = { artists: [], artistNames: { main: [], featured: [] }, contributors: [] };
  for (const line of credits) {
    const mapped = ddexCreditRole(line.role);
    for (const name of namesOf(line.names)) {
      const partyReference = book.reference(name);
      if (mapped.kind === 'artist') {
        result.artists.push({ partyReference, role: mapped.role });
        (mapped.role === 'MainArtist' ? result.artistNames.main : result.artistNames.featured).push(name);
      } else {
        result.contributors.push({ partyReference, role: mapped.role, userDefinedValue: mapped.userDefinedValue });
      }
    }
  }
  return result;
}

/** 「甲、乙 feat. 丙」: Chinese names joined with 、, Latin ones with a comma. */
function displayName(names: People['artistNames']): string {
  const join = (list: readonly string[]) => list.join(list.some((n) => titleLanguage(n) !== 'en') ? '、' : ', ');
  const main = names.main.length > 0 ? join(names.main) : VARIOUS_ARTISTS;
  return names.featured.length > 0 ? `${main} feat. ${join(names.featured)}` : main;
}

/** Artists, or (when there are none) the fallback's, or Various Artists as a party of its own. */
function artistsOr(book: PartyBook, own: People, fallback: People | undefined): Pick<People, 'artists' | 'artistNames'> {
  if (own.artists.length > 0) {
    return own;
  }
  if (fallback !== undefined && fallback.artists.length > 0) {
    return fallback;
  }
  return { artists: [{ partyReference: book.reference(VARIOUS_ARTISTS), role: 'MainArtist' }], artistNames: { main: [], featured: [] } };
}

/**
 * Album-level credits (the album form's 作詞者, 作曲者 …) hold for the album's own recordings where
 * a recording names nobody in that role. A cited recording keeps only its own credits: it was
 * credited on the album it was first reported with.
 */
function trackCredits(track: AlbumTrack, albumCredits: Credits): Credits {
  if (track.cited) {
    return track.recording.credits;
  }
  const own = new Set(track.recording.credits.filter((c) => namesOf(c.names).length > 0).map((c) => c.role));
  return [...track.recording.credits, ...albumCredits.filter((c) => !own.has(c.role) && c.role !== 'performer' && c.role !== 'featured-artist')];
}

function trackDuration(track: AlbumTrack): number | null {
  if (track.recording.durationSeconds !== null) {
    return track.recording.durationSeconds;
  }
  // Not entered on the form: the uploaded file's measured length stands in.
  return track.audio === null ? null : Math.round(track.audio.technical.durationMs / 1000);
}

function trackGaps(tracks: readonly AlbumTrack[]): ErnTrackGap[] {
  return tracks.flatMap((t): ErnTrackGap[] => [
    ...(t.recording.isrc === null ? [{ position: t.position, missing: 'isrc' as const }] : []),
    ...(trackDuration(t) === null ? [{ position: t.position, missing: 'duration' as const }] : []),
  ]);
}

/** The album's NewReleaseMessage, or the tracks that keep it from being one. */
export function albumToErn(input: ErnInput): ErnResult {
  const { album } = input;
  const gaps = trackGaps(album.tracks);
  if (gaps.length > 0) {
    return { ok: false, gaps };
  }
  const book = new PartyBook();
  const albumPeople = people(book, album.credits);
  const releaseArtists = artistsOr(book, albumPeople, undefined);
  const isVideoAlbum = album.workCategory === 'music-video';
  const resources = album.tracks.map((track, i): ErnResource => {
    const own = people(book, trackCredits(track, album.credits));
    // The album's performers stand in for its own tracks that name none; a cited recording keeps its own.
    const shown = artistsOr(book, own, track.cited ? undefined : albumPeople);
    const isVideo = isVideoAlbum || (track.audio?.contentType.startsWith('video/') ?? false);
    return {
      reference: `A${String(i + 1)}`,
      kind: isVideo ? 'Video' : 'SoundRecording',
      type: isVideo ? 'ShortFormMusicalWorkVideo' : soundRecordingType(album.publicationCategory),
      isrc: track.recording.isrc ?? '',
      title: { text: track.recording.title, language: titleLanguage(track.recording.title) },
      displayArtistName: displayName(shown.artistNames),
      artists: shown.artists,
      contributors: own.contributors,
      durationSeconds: trackDuration(track) ?? 0,
      creationDate: ddexDate(track.recording.recordingDate),
    };
  });
  const label = album.publisher.trim() !== '' ? album.publisher.trim() : input.registrantName;
  const releaseDate = ddexDate(album.releaseDate);
  const company = album.productionCompany.trim();
  const stamp = input.now.toISOString();
  const messageId = `ISRC-${String(album.albumNumber)}-${stamp.replace(/\D/g, '').slice(0, 14)}`;
  return {
    ok: true,
    message: {
      messageId,
      createdAt: stamp,
      sender: input.sender,
      recipient: input.recipient,
      language: titleLanguage(album.title) ?? 'zh-Hant',
      resources,
      release: {
        reference: 'R0',
        proprietaryId: { namespace: `DPID:${input.sender.dpid}`, value: String(album.albumNumber) },
        kind: releaseKind(album.albumType, isVideoAlbum, album.tracks.length),
        title: { text: album.title, language: titleLanguage(album.title) },
        displayArtistName: displayName(releaseArtists.artistNames),
        artists: releaseArtists.artists,
        labelPartyReference: book.reference(label),
        pLine: company === '' ? undefined : { year: releaseDate?.slice(0, 4), company },
        durationSeconds: resources.reduce((sum, r) => sum + r.durationSeconds, 0),
        releaseDate,
        genre: album.publicationCategory === null ? 'Unspecified' : labelOf(PUBLICATION_CATEGORIES, album.publicationCategory, 'en'),
      },
      // Read last: the label and Various Artists may have been added above.
      parties: book.parties,
    },
  };
}
