import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestStatus } from '../../../../src/shared/enums.js';

/** Colours chosen for AA contrast (antd's preset tag colours are too light for text). */
const STYLES: Record<ChangeRequestStatus, { color: string; background: string; borderColor: string }> = {
  pending: { color: '#874d00', background: '#fff7e6', borderColor: '#ffc069' },
  approved: { color: '#1e6b2f', background: '#e8f5e9', borderColor: '#9fd3a8' },
  rejected: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  // Neutral grey: closed by the registrant, neither a success nor a refusal.
  withdrawn: { color: '#595959', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

export function RequestStatusTag({ status }: { status: ChangeRequestStatus }) {
  const { t } = useTranslation('changeRequests');
  return <Tag style={STYLES[status]}>{t(`status.${status}`)}</Tag>;
}
