import { ALBUM_FORM_FIELDS, TRACK_FORM_FIELDS } from '../../../../src/catalog/field-labels.js';
import { CHANGEABLE_FIELDS } from '../../../../src/change-requests/change-request-fields.js';
import type { Language } from '../../lib/language';
import reviewZh from '../review/locales/zh-TW.json';
import reviewEn from '../review/locales/en.json';
import changeRequestsZh from '../change-requests/locales/zh-TW.json';
import changeRequestsEn from '../change-requests/locales/en.json';
import auditLogZh from './locales/zh-TW.json';
import auditLogEn from './locales/en.json';

/**
 * Field names of an audit entry's before → after in words (pure: unit-tested). The album and track
 * fields are named as the forms name them (ALBUM_FORM_FIELDS / TRACK_FORM_FIELDS, with the review's
 * labels), the registrant's as 出版者資料異動申請單 names them (CHANGEABLE_FIELDS), and the system's
 * own columns (status, dates, ids …) by the audit log's list. Anything else keeps its raw name.
 */

type Labels = Readonly<Record<string, string>>;

interface LabelSet {
  album: Labels;
  track: Labels;
  registrant: Labels;
  common: Labels;
}

function pick(labels: Labels, fields: readonly string[]): Labels {
  return Object.fromEntries(
    fields.flatMap((field) => {
      const label = Object.hasOwn(labels, field) ? labels[field] : undefined;
      return label === undefined ? [] : [[field, label] as const];
    }),
  );
}

function labelSet(review: { fields: Labels }, changeRequests: { fields: Labels }, auditLog: { fieldNames: Labels }): LabelSet {
  return {
    album: pick(review.fields, ALBUM_FORM_FIELDS),
    track: pick(review.fields, TRACK_FORM_FIELDS),
    registrant: pick(changeRequests.fields, CHANGEABLE_FIELDS),
    common: auditLog.fieldNames,
  };
}

const LABELS: Readonly<Record<Language, LabelSet>> = {
  'zh-TW': labelSet(reviewZh, changeRequestsZh, auditLogZh),
  en: labelSet(reviewEn, changeRequestsEn, auditLogEn),
};

/** Which form names the fields of an object of this type. */
function scopeOf(entityType: string): 'album' | 'track' | 'registrant' | undefined {
  switch (entityType) {
    case 'album':
      return 'album';
    case 'recording':
      return 'track';
    case 'registrant':
    case 'registrant_application':
    case 'changeRequest':
      return 'registrant';
    default:
      return undefined;
  }
}

/** `field` of an object of `entityType`, in words in `language`; its raw name when no list knows it. */
export function auditFieldLabel(entityType: string, field: string, language: Language): string {
  const labels = LABELS[language];
  const scope = scopeOf(entityType);
  const own = scope === undefined ? undefined : labels[scope];
  if (own !== undefined && Object.hasOwn(own, field)) {
    return own[field] ?? field;
  }
  return Object.hasOwn(labels.common, field) ? (labels.common[field] ?? field) : field;
}
