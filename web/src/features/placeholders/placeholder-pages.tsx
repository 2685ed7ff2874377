import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon';

export function UsedDesignationsPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.usedDesignations')} description={t('comingSoon.usedDesignations')} feature="usedDesignations" />;
}

export function StatsPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.stats')} description={t('comingSoon.stats')} feature="stats" />;
}
