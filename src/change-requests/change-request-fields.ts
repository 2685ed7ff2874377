/**
 * Which registrant fields a change request may change and how each new value is checked: one
 * module for the server and the web form (browser-safe, no node:*), so they cannot drift. The
 * limits follow the registrant form (registrants.schemas.ts).
 */

export const CHANGEABLE_FIELDS = ['name', 'registrationNumber', 'contactPerson', 'address', 'phone', 'email'] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

interface FieldRule {
  maxLength: number;
  required?: boolean;
  pattern?: RegExp;
  email?: boolean;
}

const RULES: Readonly<Record<ChangeableField, FieldRule>> = {
  name: { maxLength: 200, required: true },
  /** 統一編號 (8 digits) or 機關代碼: letters, digits and hyphens. */
  registrationNumber: { maxLength: 20, pattern: /^[0-9A-Za-z-]*$/ },
  contactPerson: { maxLength: 100 },
  address: { maxLength: 300 },
  phone: { maxLength: 50, pattern: /^[0-9+()#\- ]*$/ },
  email: { maxLength: 200, email: true },
};

/** The largest attachment (a stamped scan): 5 MB. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** Attachments accepted, decided by their content. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** For the file picker only; the server decides by content. */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export interface FieldProblem {
  code: 'required' | 'maxLength' | 'pattern' | 'format';
  params?: Record<string, string | number>;
}

/** Trimmed, NFC: the form the registrant record stores. */
export function normaliseValue(value: string): string {
  return value.normalize('NFC').trim();
}

/** The problem with `value` (already normalised) as the new value of `field`, or undefined. */
export function checkFieldValue(field: ChangeableField, value: string): FieldProblem | undefined {
  const rule = RULES[field];
  if (rule.required === true && value === '') {
    return { code: 'required' };
  }
  // Code points, as the registrant form's schema counts them (not UTF-16 units).
  if (Array.from(value).length > rule.maxLength) {
    return { code: 'maxLength', params: { limit: rule.maxLength } };
  }
  if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    return { code: 'pattern' };
  }
  if (rule.email === true && value !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    return { code: 'format', params: { format: 'email' } };
  }
  return undefined;
}

export function isChangeableField(value: string): value is ChangeableField {
  return (CHANGEABLE_FIELDS as readonly string[]).includes(value);
}
