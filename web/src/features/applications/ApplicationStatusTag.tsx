import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../../src/applications/applications.schemas.js';

/** Colours chosen for AA contrast (antd's preset tag colours are too light for text). */
const STYLES: Record<ApplicationStatus, { color: string; background: string; borderColor: string }> = {
  pending: { color: '#0b4f8a', background: '#e6f4ff', borderColor: '#91caff' },
  approved: { color: '#1e6b2f', background: '#e8f5e9', borderColor: '#9fd3a8' },
  rejected: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
};

/** 審核中 / 已核准 / 未核准 as a coloured tag with words. */
export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation('applications');
  return <Tag style={STYLES[status]}>{t(`status.${status}`)}</Tag>;
}
