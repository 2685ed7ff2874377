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
