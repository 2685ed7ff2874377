import { Alert } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { isApiError } from '../../lib/api-client';
import { useAgency } from '../agency/use-agency';
import { ApplicationFields } from './ApplicationFields';
import { ApplicationStatusTag } from './ApplicationStatusTag';
import { DecisionSection } from './DecisionSection';
import { useApplication } from './api';

/** One 登記者代碼申請 (officers): every field, then the decision while it is pending. */
export function ApplicationDetailPage() {
  const { t } = useTranslation('applications');
  const { formatDate } = useAgency();
  const { id = '' } = useParams();
  const query = useApplication(id);

  const back = <Link to="/admin/applications">{t('detail.back')}</Link>;
  if (query.isPending) {
    return <PageLoading />;
  }
  if (query.isError) {
    return (
      <>
        <PageTitle title={t('detail.title')} />
        {isApiError(query.error, 'NOT_FOUND') ? (
          <Alert type="warning" showIcon title={t('detail.notFound')} />
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
        <p>{back}</p>
      </>
    );
  }
  const application = query.data;
  return (
    <>
      <p>{back}</p>
      <PageTitle title={`${t('detail.title')}：${application.name}`} tag={<ApplicationStatusTag status={application.status} />} />
      <SectionCard title={t('mine.applicant')}>
        <ApplicationFields application={application} showLogin />
      </SectionCard>
      {application.status === 'pending' ? (
        <DecisionSection application={application} />
      ) : (
        <SectionCard title={t('detail.decision')}>
          <p>{t('detail.decidedNote', { date: formatDate(application.decidedAt) })}</p>
          {application.registrantId === null ? null : (
            <Link to={`/admin/registrants/${encodeURIComponent(application.registrantId)}`}>{t('detail.openRegistrant')}</Link>
          )}
        </SectionCard>
      )}
    </>
  );
}
