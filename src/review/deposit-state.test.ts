import { describe, expect, it } from 'vitest';
import { DEPOSIT_STATUSES, REVIEW_STATUSES } from '../shared/enums.js';
import { DEPOSIT_STATUS_LABELS, depositStatusOf, isDepositDue } from './deposit-state.js';

describe(depositStatusOf.name, () => {
  it.each([
    [0, 1, 'not_deposited'],
    [1, 2, 'partial'],
    [2, 2, 'deposited'],
    [3, 2, 'deposited'],
    [0, 0, 'deposited'],
    [4, 10, 'partial'],
  ] as const)('%i of %i received is %s', (received, required, status) => {
    expect(depositStatusOf(received, required)).toBe(status);
  });

  it('refuses impossible counts', () => {
    expect(() => depositStatusOf(-1, 1)).toThrow(RangeError);
    expect(() => depositStatusOf(1.5, 2)).toThrow(RangeError);
  });

  it('labels every status in the agency words', () => {
    expect(DEPOSIT_STATUSES.map((s) => DEPOSIT_STATUS_LABELS[s]['zh-TW'])).toEqual(['未送存', '部分送存', '已送存']);
  });
});

describe(isDepositDue.name, () => {
  it('is due only for approved albums', () => {
    expect(REVIEW_STATUSES.filter(isDepositDue)).toEqual(['approved']);
  });
});
