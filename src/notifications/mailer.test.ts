import { describe, expect, it } from 'vitest';
import { smtpRedactor } from './mailer.js';

describe(smtpRedactor.name, () => {
  it('removes the SMTP password in every spelling, and the whole URL', () => {
    const url = 'smtp://mailer:p%40ss%20word@mail.example.org:587';
    const redact = smtpRedactor(url);
    expect(redact(`connect to ${url} failed`)).toBe('connect to *** failed');
    expect(redact('auth p@ss word refused')).toBe('auth *** refused');
    expect(redact('auth p%40ss%20word refused')).toBe('auth *** refused');
    expect(redact('nothing secret')).toBe('nothing secret');
  });
});
