import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

/** Scaffold: the page is being built (issue 13). */
export function AuditLogPage() {
  const { t } = useTranslation('auditLog');
  return <PageTitle title={t('title')} />;
}
