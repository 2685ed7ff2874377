import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActiveStatus } from '../../../src/accounts/accounts.schemas.js';

/** Colours chosen for AA contrast (antd's preset tag colours are too light for text). */
const STYLES: Record<ActiveStatus, { color: string; background: string; borderColor: string }> = {
  active: { color: '#1e6b2f', background: '#e8f5e9', borderColor: '#9fd3a8' },
  suspended: { color: '#595959', background: '#f5f5f5', borderColor: '#bfbfbf' },
};

export function StatusTag({ status }: { status: ActiveStatus }) {
  const { t } = useTranslation();
  return <Tag style={STYLES[status]}>{t(`status.${status}`)}</Tag>;
}

export function DemoTag() {
  const { t } = useTranslation();
  return <Tag style={{ color: '#873800', background: '#fff7e6', borderColor: '#ffc069' }}>{t('common.demo')}</Tag>;
}
