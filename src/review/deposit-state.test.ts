import { describe, expect, it } from 'vitest';
import { DEPOSIT_STATUSES, REVIEW_STATUSES } from '../shared/enums.js';
import { calendarDateAt, dateDaysBefore, daysBetween, DEPOSIT_STATUS_LABELS, depositBasisOf, depositDateProblem, depositStatusOf, isDepositDue, isDepositOverdue } from './deposit-state.js';

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

describe(depositBasisOf.name, () => {
  it('deposits copies of physical releases and audio of digital ones', () => {
    expect(depositBasisOf('physical')).toBe('copies');
    expect(depositBasisOf('digital')).toBe('audio');
  });
});

describe(calendarDateAt.name, () => {
  it("follows the agency's zone, not UTC", () => {
    expect(calendarDateAt(new Date('2026-12-31T16:30:00Z'), 'Asia/Taipei')).toBe('2027-01-01');
    expect(calendarDateAt(new Date('2026-12-31T16:30:00Z'), 'UTC')).toBe('2026-12-31');
  });
});

describe(depositDateProblem.name, () => {
  const bounds = { approvedOn: '2026-06-10', today: '2026-06-15' };
  it.each([
    ['2026-06-15', undefined],
    ['2026-06-10', undefined],
    ['2026-06-16', 'in-future'],
    ['2026-06-09', 'before-approval'],
    ['2026-02-30', 'format'],
    ['2026-6-1', 'format'],
  ] as const)('%s → %s', (date, problem) => {
    expect(depositDateProblem(date, bounds)).toBe(problem);
  });
});

describe(daysBetween.name, () => {
  it('counts calendar days across months and back', () => {
    expect(daysBetween('2026-05-31', '2026-06-30')).toBe(30);
    expect(daysBetween('2026-06-30', '2026-05-31')).toBe(-30);
    expect(dateDaysBefore('2026-03-01', 1)).toBe('2026-02-28');
  });
});

describe(isDepositOverdue.name, () => {
  it('is overdue only past the setting and while something is owed', () => {
    expect(isDepositOverdue('not_deposited', 31, 30)).toBe(true);
    expect(isDepositOverdue('partial', 31, 30)).toBe(true);
    expect(isDepositOverdue('not_deposited', 30, 30)).toBe(false);
    expect(isDepositOverdue('deposited', 99, 30)).toBe(false);
  });
});
