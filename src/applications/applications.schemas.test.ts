import { describe, expect, it } from 'vitest';
import { isValidBusinessNumber, registrationNumberProblem } from './applications.schemas.js';

describe('isValidBusinessNumber', () => {
  // Examples from the Ministry of Finance's notes on the check digit (old rule, new rule, 7th digit 7).
  it.each(['04702088', '00651474', '00238778', '04595257', '10458575', '22099131'])('%s passes', (n) => {
    expect(isValidBusinessNumber(n)).toBe(true);
  });

  it.each(['04702089', '12345678', '0470208', '047020888', 'A4702088', '０４７０２０８８', ''])('%j fails', (n) => {
    expect(isValidBusinessNumber(n)).toBe(false);
  });

  it('counts 28 (a 7 in the 7th place) as 10 or as 1: either total may pass', () => {
    // 00000074: 0 … 28 → 10, 4: total 14; counted as 1 it is 15, divisible by 5.
    expect(isValidBusinessNumber('00000074')).toBe(true);
    // The same digits with an 8 in the 7th place: 32 → 5, total 9, no second chance.
    expect(isValidBusinessNumber('00000084')).toBe(false);
  });
});

describe('registrationNumberProblem', () => {
  it('asks a company for a valid 統一編號', () => {
    expect(registrationNumberProblem('company', '')).toBe('required');
    expect(registrationNumberProblem('company', '12345678')).toBe('businessNumber');
    expect(registrationNumberProblem('company', ' 04595257 ')).toBeUndefined();
  });

  it('asks a government body for a 機關代碼 of letters and digits', () => {
    expect(registrationNumberProblem('government', '  ')).toBe('required');
    expect(registrationNumberProblem('government', 'A09000000E')).toBeUndefined();
    expect(registrationNumberProblem('government', 'A0-9')).toBe('governmentCode');
  });

  it('takes none from an individual', () => {
    expect(registrationNumberProblem('individual', '')).toBeUndefined();
    expect(registrationNumberProblem('individual', '04595257')).toBe('notAllowed');
  });
});
