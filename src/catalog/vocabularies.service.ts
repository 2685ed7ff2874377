import type { Static } from 'typebox';
import type { VocabulariesResponse } from './catalog.schemas.js';
import { ALBUM_TYPES, CREDIT_ROLES, MEDIA_FORMS, PUBLICATION_CATEGORIES, RELEASE_TYPES, VERSION_TYPES, WORK_CATEGORIES, type Term } from './vocabularies.js';

const copy = (terms: readonly Term[]) => terms.map((t) => ({ code: t.code, zh: t.zh, en: t.en }));

/** The vocabularies for the web app, the import template and integrators. */
export function listVocabularies(): Static<typeof VocabulariesResponse> {
  return {
    creditRoles: CREDIT_ROLES.map((r) => ({ code: r.code, zh: r.zh, en: r.en, goldenMelodyRequired: r.goldenMelodyRequired })),
    releaseTypes: copy(RELEASE_TYPES),
    albumTypes: copy(ALBUM_TYPES),
    workCategories: copy(WORK_CATEGORIES),
    mediaForms: copy(MEDIA_FORMS),
    publicationCategories: copy(PUBLICATION_CATEGORIES),
    versionTypes: copy(VERSION_TYPES),
  };
}
