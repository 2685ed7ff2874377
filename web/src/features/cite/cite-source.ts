import type { CitableRecording } from '../../../../src/catalog/catalog.schemas.js';

/** The 來源 column of the 引用 search, as a key under `cite.`. */
export type CiteSource = 'own' | 'foreign' | 'others' | 'othersForeign';

/**
 * Whose recording it is, and whether its ISRC is a code of the registrant's own: a recording made
 * abroad keeps its foreign ISRC, so it is 「境外錄音」 even when the registrant reported it, never 「自己的」.
 */
export function citeSource(row: Pick<CitableRecording, 'own' | 'isrcSource'>): CiteSource {
  if (row.isrcSource === 'foreign') {
    return row.own ? 'foreign' : 'othersForeign';
  }
  return row.own ? 'own' : 'others';
}
