import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { PASSWORD_MIN_LENGTH } from '../../../src/accounts/accounts.schemas.js';

/** A new password's rules: required, and at least PASSWORD_MIN_LENGTH characters (the server checks again). */
export function newPasswordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('changePassword.newRequired') },
    { min: PASSWORD_MIN_LENGTH, message: t('changePassword.tooShort', { min: PASSWORD_MIN_LENGTH }) },
  ];
}

/** The help under a new password's input that states the rule. */
export function newPasswordHelp(t: TFunction): string {
  return t('changePassword.rule', { min: PASSWORD_MIN_LENGTH });
}

/** The server's refusals of a new password, each shown at the form's password field `field`. */
export function passwordCodeFields(field: string): Record<'PASSWORD_TOO_WEAK' | 'PASSWORD_TOO_COMMON' | 'PASSWORD_CONTAINS_LOGIN_NAME', string> {
  return { PASSWORD_TOO_WEAK: field, PASSWORD_TOO_COMMON: field, PASSWORD_CONTAINS_LOGIN_NAME: field };
}
