/**
 * Our credit roles (src/catalog/vocabularies.ts) in DDEX ERN 4.3 terms. Artists go to
 * `DisplayArtist` (role from the AVS DisplayArtistRole set); everyone else to `Contributor` (AVS
 * ContributorRole). Pure and browser-safe.
 */
import type { CreditRole } from '../../catalog/vocabularies.js';

/** The DisplayArtistRole values we use (AVS DisplayArtistRole). */
export type DdexDisplayArtistRole = 'MainArtist' | 'FeaturedArtist';

/** The ContributorRole values we use (all in the AVS ContributorRole set of ERN 4.3). */
export type DdexContributorRole =
  | 'Lyricist'
  | 'Composer'
  | 'Arranger'
  | 'StudioProducer'
  | 'Conductor'
  | 'Ensemble'
  | 'Choir'
  | 'Narrator'
  | 'Translator'
  | 'Author'
  | 'MusicDirector'
  | 'RecordingEngineer'
  | 'MixingEngineer'
  | 'MasteringEngineer'
  | 'VideoDirector'
  | 'UserDefined';

export type DdexCreditRole = { readonly kind: 'artist'; readonly role: DdexDisplayArtistRole } | { readonly kind: 'contributor'; readonly role: DdexContributorRole };

/**
 * Every credit role, mapped. A `Record` over the vocabulary, so a new role does not compile until it
 * is mapped here.
 * - 表演者 is the main artist (DisplayArtistRole MainArtist; ERN's "Artist" is for when main or
 *   featured is not known, which our form always knows).
 * - 製作人: ERN 4.3's ContributorRole set has no plain "Producer"; StudioProducer is DDEX's term for
 *   the person who oversees the recording, which is what the agency's guide means by 製作人.
 * - 導演 is credited on music videos only, so VideoDirector.
 */
export const DDEX_CREDIT_ROLES: Readonly<Record<CreditRole, DdexCreditRole>> = {
  performer: { kind: 'artist', role: 'MainArtist' },
  'featured-artist': { kind: 'artist', role: 'FeaturedArtist' },
  lyricist: { kind: 'contributor', role: 'Lyricist' },
  composer: { kind: 'contributor', role: 'Composer' },
  arranger: { kind: 'contributor', role: 'Arranger' },
  producer: { kind: 'contributor', role: 'StudioProducer' },
  conductor: { kind: 'contributor', role: 'Conductor' },
  ensemble: { kind: 'contributor', role: 'Ensemble' },
  chorus: { kind: 'contributor', role: 'Choir' },
  narrator: { kind: 'contributor', role: 'Narrator' },
  translator: { kind: 'contributor', role: 'Translator' },
  'original-author': { kind: 'contributor', role: 'Author' },
  'music-director': { kind: 'contributor', role: 'MusicDirector' },
  'recording-engineer': { kind: 'contributor', role: 'RecordingEngineer' },
  'mixing-engineer': { kind: 'contributor', role: 'MixingEngineer' },
  'mastering-engineer': { kind: 'contributor', role: 'MasteringEngineer' },
  director: { kind: 'contributor', role: 'VideoDirector' },
};

const isCreditRole = (role: string): role is CreditRole => Object.hasOwn(DDEX_CREDIT_ROLES, role);

/**
 * The DDEX role of one of our credit roles. A role outside the vocabulary (older data) is sent as
 * ERN's `UserDefined`, with our code as its UserDefinedValue, rather than dropped.
 */
export function ddexCreditRole(role: string): DdexCreditRole & { readonly userDefinedValue?: string } {
  return isCreditRole(role) ? DDEX_CREDIT_ROLES[role] : { kind: 'contributor', role: 'UserDefined', userDefinedValue: role };
}
