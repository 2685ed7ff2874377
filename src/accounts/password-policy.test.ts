import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/errors.js';
import { assertPasswordPolicy, isCommonPassword } from './password-policy.js';

function refusal(loginName: string, password: string): string | undefined {
  try {
    assertPasswordPolicy(loginName, password);
    return undefined;
  } catch (err) {
    return isAppError(err) ? err.code : String(err);
  }
}

describe(assertPasswordPolicy.name, () => {
  it('needs 12 characters, counted as people count them', () => {
    expect(refusal('someone', 'eleven chrs')).toBe('PASSWORD_TOO_WEAK');
    expect(refusal('someone', 'twelve chars')).toBeUndefined();
    // Eleven CJK characters are eleven, not eleven UTF-16 units; an emoji is one character.
    expect(refusal('someone', '我的密碼是一句長長的話')).toBe('PASSWORD_TOO_WEAK');
    expect(refusal('someone', '我的密碼是一句長長的話啊')).toBeUndefined();
    expect(refusal('someone', '🎵🎵🎵🎵🎵🎵')).toBe('PASSWORD_TOO_WEAK');
  });

  it('refuses the common-password list, whatever the case', () => {
    expect(isCommonPassword('password1234')).toBe(true);
    expect(refusal('someone', 'Password1234')).toBe('PASSWORD_TOO_COMMON');
    expect(refusal('someone', 'PASSWORDPASSWORD')).toBe('PASSWORD_TOO_COMMON');
    expect(refusal('someone', 'correct horse battery')).toBeUndefined();
  });

  it('refuses a password containing the login name, case-insensitive', () => {
    expect(refusal('dawn.music', 'my Dawn.Music pass')).toBe('PASSWORD_CONTAINS_LOGIN_NAME');
    expect(refusal('Admin', 'the administrator 1')).toBe('PASSWORD_CONTAINS_LOGIN_NAME');
    expect(refusal('dawn.music', 'dawn music pass')).toBeUndefined();
  });

  it('has no composition rules: lower-case letters and spaces alone are fine', () => {
    expect(refusal('someone', 'quiet river morning')).toBeUndefined();
  });
});
