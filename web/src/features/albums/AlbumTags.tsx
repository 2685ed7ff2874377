import type { CSSProperties } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepositStatus, ReviewStatus } from '../../../../src/catalog/catalog.schemas.js';

/** Text colours checked for AA contrast on their backgrounds (antd's preset tag colours are too light). */
const GREY: CSSProperties = { color: '#595959', background: '#f5f5f5', borderColor: '#bfbfbf' };
const BLUE: CSSProperties = { color: '#0444a8', background: '#e6f4ff', borderColor: '#91caff' };
const GREEN: CSSProperties = { color: '#1e6b2f', background: '#e8f5e9', borderColor: '#9fd3a8' };
const RED: CSSProperties = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };
const ORANGE: CSSProperties = { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' };

const REVIEW: Record<ReviewStatus, CSSProperties> = { draft: GREY, submitted: BLUE, returned: RED, approved: GREEN };
const DEPOSIT: Record<DepositStatus, CSSProperties> = { not_deposited: GREY, partial: ORANGE, deposited: GREEN };

/** 草稿 / 審核中 / 已退回 / 已通過 */
export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation();
  return <Tag style={REVIEW[status]}>{t(`albumStatus.${status}`)}</Tag>;
}

/** 未送存 / 部分送存 / 已送存 */
export function DepositStatusTag({ status }: { status: DepositStatus }) {
  const { t } = useTranslation();
  return <Tag style={DEPOSIT[status]}>{t(`depositStatus.${status}`)}</Tag>;
}
