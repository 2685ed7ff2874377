import { describe, expect, it } from 'vitest';
import { CREDIT_ROLES } from '../../catalog/vocabularies.js';
import { DDEX_CREDIT_ROLES, ddexCreditRole } from './ddex-roles.js';

// Every ContributorRole / DisplayArtistRole we send must be in ERN 4.3's allowed-value sets; the
// integration test validates whole messages, this one pins the mapping itself.

describe(ddexCreditRole.name, () => {
  it('maps the guide’s roles to DDEX: performer → MainArtist, lyricist → Lyricist, composer → Composer, arranger → Arranger, producer → StudioProducer', () => {
    expect(ddexCreditRole('performer')).toEqual({ kind: 'artist', role: 'MainArtist' });
    expect(ddexCreditRole('featured-artist')).toEqual({ kind: 'artist', role: 'FeaturedArtist' });
    expect(ddexCreditRole('lyricist')).toEqual({ kind: 'contributor', role: 'Lyricist' });
    expect(ddexCreditRole('composer')).toEqual({ kind: 'contributor', role: 'Composer' });
    expect(ddexCreditRole('arranger')).toEqual({ kind: 'contributor', role: 'Arranger' });
    expect(ddexCreditRole('producer')).toEqual({ kind: 'contributor', role: 'StudioProducer' });
  });

  it('maps the other roles of the list to their DDEX terms', () => {
    expect(ddexCreditRole('chorus')).toEqual({ kind: 'contributor', role: 'Choir' });
    expect(ddexCreditRole('original-author')).toEqual({ kind: 'contributor', role: 'Author' });
    expect(ddexCreditRole('director')).toEqual({ kind: 'contributor', role: 'VideoDirector' });
    expect(ddexCreditRole('mastering-engineer')).toEqual({ kind: 'contributor', role: 'MasteringEngineer' });
  });

  it('has a mapping for every credit role of the vocabulary and no others', () => {
    expect(Object.keys(DDEX_CREDIT_ROLES).sort()).toEqual(CREDIT_ROLES.map((r) => r.code).sort());
  });

  it('sends a role outside the vocabulary as UserDefined with our code', () => {
    expect(ddexCreditRole('kazoo')).toEqual({ kind: 'contributor', role: 'UserDefined', userDefinedValue: 'kazoo' });
    expect(ddexCreditRole('toString')).toEqual({ kind: 'contributor', role: 'UserDefined', userDefinedValue: 'toString' });
  });
});
