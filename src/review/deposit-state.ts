/**
 * The deposit of an approved album (送存): a dimension of its own beside review. Pure; the
 * deposit stage records copies and audio, and the album's status follows from the counts.
 */
import type { DepositStatus, ReviewStatus } from '../shared/enums.js';

export type { DepositStatus } from '../shared/enums.js';

/** 未送存 / 部分送存 / 已送存, as the agency's guide names them. */
export const DEPOSIT_STATUS_LABELS: Readonly<Record<DepositStatus, { 'zh-TW': string; en: string }>> = {
  not_deposited: { 'zh-TW': '未送存', en: 'Not deposited' },
  partial: { 'zh-TW': '部分送存', en: 'Partly deposited' },
  deposited: { 'zh-TW': '已送存', en: 'Deposited' },
};

/**
 * The status from what has arrived against what is required (copies of a physical release, or
 * audio files of a digital one's tracks). Nothing required counts as deposited.
 */
export function depositStatusOf(received: number, required: number): DepositStatus {
  if (!Number.isInteger(received) || !Number.isInteger(required) || received < 0 || required < 0) {
    throw new RangeError(`deposit counts must be non-negative integers, got ${received}/${required}`);
  }
  if (received >= required) {
    return 'deposited';
  }
  return received === 0 ? 'not_deposited' : 'partial';
}

/** Deposit is owed only once the agency has approved the album. */
export function isDepositDue(reviewStatus: ReviewStatus): boolean {
  return reviewStatus === 'approved';
}

/**
 * What a release deposits, by release type: a physical release sends copies (this desk: sent and
 * received events, counts against the registrant kind's required copies); a digital one deposits
 * the audio of its tracks (影音檔送存, the media issue: received = tracks with audio, required =
 * tracks, through the same `depositStatusOf`).
 */
export type DepositBasis = 'copies' | 'audio';

export function depositBasisOf(releaseType: 'digital' | 'physical'): DepositBasis {
  return releaseType === 'physical' ? 'copies' : 'audio';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` of `instant` in the agency's time zone: the agency's calendar day, never UTC's. */
export function calendarDateAt(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whether `value` is a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (m === null) {
    return false;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
}

/** Whole days from calendar date `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar date `days` before `date`. */
export function dateDaysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Why a deposit event's date is refused: copies cannot be sent or received after the agency's
 * today, nor before the album was approved (deposit is owed only from then).
 */
export function depositDateProblem(date: string, bounds: { approvedOn: string; today: string }): 'format' | 'in-future' | 'before-approval' | undefined {
  if (!isCalendarDate(date)) {
    return 'format';
  }
  if (date > bounds.today) {
    return 'in-future';
  }
  return date < bounds.approvedOn ? 'before-approval' : undefined;
}

/** Overdue: still owed more than `overdueDays` days after approval. */
export function isDepositOverdue(status: DepositStatus, daysWaiting: number, overdueDays: number): boolean {
  return status !== 'deposited' && daysWaiting > overdueDays;
}
