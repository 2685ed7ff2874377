import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

/** Scaffold: the page is being built (issue 13). */
export function ApplicationDetailPage() {
  const { t } = useTranslation('applications');
  return <PageTitle title={t('title')} />;
}
