import { Descriptions, Result, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { isApiError } from '../../lib/api-client';
import { useAgency } from '../agency/use-agency';
import { useChangeRequest } from './api';
import { AttachmentView } from './AttachmentView';
import { ChangesTable } from './ChangesTable';
import { DecisionPanel } from './DecisionPanel';
import { RequestStatusTag } from './RequestStatusTag';

function BackLink() {
  const { t } = useTranslation('changeRequests');
  return <Link to="/admin/change-requests">{t('detail.back')}</Link>;
}

/** One request for the officer: who asked, before → after, the scan, and the decision. */
export function ChangeRequestDetailPage() {
  const { t } = useTranslation('changeRequests');
  const { formatDate } = useAgency();
  const { id = '' } = useParams();
  const query = useChangeRequest(id);

  if (query.isPending) {
    return <PageLoading />;
  }
  if (query.isError) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PageTitle title={t('detail.title')} />
        {notFound ? (
          <Result status="404" subTitle={t('detail.notFound')} extra={<BackLink />} />
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </>
    );
  }
  const request = query.data;
  // A withdrawn request was closed by the registrant's member, not decided by an officer.
  const withdrawn = request.status === 'withdrawn';
  return (
    <>
      <Typography.Paragraph>
        <BackLink />
      </Typography.Paragraph>
      <PageTitle title={`${t('detail.title')}：${request.registrantName}`} tag={<RequestStatusTag status={request.status} />} />
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        style={{ marginBottom: 24 }}
        items={[
          {
            key: 'registrant',
            label: t('detail.registrant'),
            children: <Link to={`/admin/registrants/${encodeURIComponent(request.registrantId)}`}>{request.registrantName}</Link>,
          },
          { key: 'requestedBy', label: t('detail.requestedBy'), children: request.requestedByName ?? '—' },
          { key: 'createdAt', label: t('detail.createdAt'), children: formatDate(request.createdAt) },
          { key: 'reason', label: t('detail.reason'), children: request.reason },
          ...(request.decidedAt === null
            ? []
            : [
                { key: 'decidedAt', label: t(withdrawn ? 'detail.withdrawnAt' : 'detail.decidedAt'), children: formatDate(request.decidedAt) },
                { key: 'decidedBy', label: t(withdrawn ? 'detail.withdrawnBy' : 'detail.decidedBy'), children: request.decidedByName ?? '—' },
              ]),
          ...(request.decisionReason === null
            ? []
            : [{ key: 'decisionReason', label: t('detail.decisionReason'), children: request.decisionReason }]),
        ]}
      />
      <SectionCard title={t('detail.changesHeading')}>
        <ChangesTable changes={request.changes} />
      </SectionCard>
      <SectionCard title={t('detail.attachment')}>
        <AttachmentView request={request} />
      </SectionCard>
      {request.status === 'pending' ? (
        <SectionCard title={t('detail.decisionHeading')}>
          <DecisionPanel request={request} />
        </SectionCard>
      ) : null}
    </>
  );
}
