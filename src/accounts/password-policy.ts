import { createRequire } from 'node:module';
import { AppError } from '../shared/errors.js';
import { PASSWORD_MIN_LENGTH } from './accounts.schemas.js';

/**
 * The password rules (OWASP ASVS 2.1 / NIST SP 800-63B): length, not a common password, not the login
 * name. No composition rules (a digit, a capital, …): they push people to predictable patterns and
 * do not make long passphrases stronger.
 */

interface CommonLanguagePackage {
  dictionary: { 'passwords-common': readonly (string | number)[] };
}

let common: ReadonlySet<string> | undefined;

/**
 * The 49,233 passwords of @zxcvbn-ts/language-common, lower-cased. Loaded on first use, not at
 * start-up (≈ 1 MB of strings no request needs until someone sets a password); `require` keeps the
 * check synchronous.
 */
function commonPasswords(): ReadonlySet<string> {
  if (common === undefined) {
    const pkg = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as CommonLanguagePackage;
    common = new Set(pkg.dictionary['passwords-common'].map((p) => String(p).toLowerCase()));
  }
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.normalize('NFC').trim().toLowerCase());
}

/** Throws PASSWORD_TOO_WEAK (too short), PASSWORD_CONTAINS_LOGIN_NAME or PASSWORD_TOO_COMMON. */
export function assertPasswordPolicy(loginName: string, password: string): void {
  const normalized = password.normalize('NFC');
  // Characters as people count them (a CJK character or an emoji is one), not UTF-16 units.
  if ([...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(normalized)].length < PASSWORD_MIN_LENGTH) {
    throw new AppError('PASSWORD_TOO_WEAK', { minLength: PASSWORD_MIN_LENGTH });
  }
  const login = loginName.trim().toLowerCase();
  if (login !== '' && normalized.toLowerCase().includes(login)) {
    throw new AppError('PASSWORD_CONTAINS_LOGIN_NAME');
  }
  if (isCommonPassword(normalized)) {
    throw new AppError('PASSWORD_TOO_COMMON');
  }
}
