import type { FormRule } from 'antd';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH } from '../../../src/accounts/accounts.schemas.js';
import en from '../locales/en.json';
import zhTW from '../locales/zh-TW.json';
import { newPasswordHelp, newPasswordRules, passwordCodeFields } from './password-rules';
import { translator } from '../test-support/translator';

const plain = (rule: FormRule | undefined) => {
  if (rule === undefined || typeof rule === 'function') {
    throw new Error('expected a plain rule object');
  }
  return rule;
};

describe(newPasswordRules.name, () => {
  it('requires a password', () => {
    const rules = newPasswordRules(translator(zhTW));
    const required = plain(rules.find((rule) => typeof rule !== 'function' && rule.required === true));
    expect(required.message).toBe('請輸入新密碼');
    expect(plain(newPasswordRules(translator(en)).find((rule) => typeof rule !== 'function' && rule.required === true)).message).toBe(
      'Please enter a new password.',
    );
  });

  it('asks for as many characters as the server does, and says how many', () => {
    const min = plain(newPasswordRules(translator(zhTW)).find((rule) => typeof rule !== 'function' && rule.min !== undefined));
    expect(min.min).toBe(PASSWORD_MIN_LENGTH);
    expect(min.message).toBe(`密碼至少需要 ${PASSWORD_MIN_LENGTH} 個字元`);
  });

  it('has nothing else to say', () => {
    expect(newPasswordRules(translator(zhTW))).toHaveLength(2);
  });
});

describe(newPasswordHelp.name, () => {
  it('states the rules in the UI language', () => {
    expect(newPasswordHelp(translator(zhTW))).toBe(`至少 ${PASSWORD_MIN_LENGTH} 個字元，可用一句好記的長句；不可是常見密碼，也不可包含帳號名稱。`);
    expect(newPasswordHelp(translator(en))).toBe(
      `At least ${PASSWORD_MIN_LENGTH} characters; a long phrase you can remember works well. Not a common password, and not containing the login name.`,
    );
  });
});

describe(passwordCodeFields.name, () => {
  it("puts each of the server's password refusals at the given field", () => {
    expect(passwordCodeFields('newPassword')).toEqual({
      PASSWORD_TOO_WEAK: 'newPassword',
      PASSWORD_TOO_COMMON: 'newPassword',
      PASSWORD_CONTAINS_LOGIN_NAME: 'newPassword',
    });
  });
});
