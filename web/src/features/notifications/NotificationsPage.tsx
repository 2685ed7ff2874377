import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

/** Scaffold: the page is being built (issue 13). */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  return <PageTitle title={t('title')} />;
}
