import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApplicationResponse } from '../../../../src/applications/applications.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { isApiError } from '../../lib/api-client';
import { useCurrentMe } from '../../app/me-context';
import { AgencyContact } from '../agency/AgencyContact';
import { meQueryKey } from '../auth/api';
import { ApplicationFields } from './ApplicationFields';
import { ApplicationStatusTag } from './ApplicationStatusTag';
import { useMyApplication } from './api';
import { ReapplySection } from './ReapplySection';

/** What happens next, by status; after a rejection, the way to apply again (`onReapply`, applicants only). */
function NextStep({
  application,
  isMember,
  onReapply,
}: {
  application: ApplicationResponse;
  isMember: boolean;
  onReapply?: (() => void) | undefined;
}) {
  const { t } = useTranslation('applications');
  const navigate = useNavigate();
  if (application.status === 'pending') {
    return <Alert type="info" showIcon title={t('status.pending')} description={t('mine.pendingText')} />;
  }
  if (application.status === 'rejected') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('status.rejected')}
        description={
          <>
            <Typography.Paragraph>
              {t('fields.decisionReason')}：{application.decisionReason}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: onReapply === undefined ? 0 : undefined }}>{t('mine.rejectedText')}</Typography.Paragraph>
            {onReapply === undefined ? null : (
              <Button type="primary" onClick={onReapply}>
                {t('reapply.open')}
              </Button>
            )}
          </>
        }
      />
    );
  }
  const text = application.registrantCode === null ? t('mine.approvedIndividual') : t('mine.approvedCompany', { code: application.registrantCode });
  return (
    <Alert
      type="success"
      showIcon
      title={t('status.approved')}
      description={
        <Flex vertical gap="small" align="flex-start">
          <span>{text}</span>
          {isMember ? (
            <Button type="primary" onClick={() => void navigate('/albums')}>
              {t('mine.start')}
            </Button>
          ) : null}
        </Flex>
      }
    />
  );
}

/** 申請進度: the applicant's only page until approval: status, what happens next, and whom to ask. */
export function ApplicationStatusPage() {
  const { t } = useTranslation('applications');
  const me = useCurrentMe();
  const mine = useMyApplication();
  const queryClient = useQueryClient();
  const isMember = me.user.role === 'registrant_member';
  const [reapplying, setReapplying] = useState(false);
  const approvedButStillApplicant = mine.data?.status === 'approved' && me.user.role === 'applicant';

  // Approved since the session began: read the signed-in user again, so the registrant's menu opens.
  useEffect(() => {
    if (approvedButStillApplicant) {
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    }
  }, [approvedButStillApplicant, queryClient]);

  const reload = () => {
    void mine.refetch();
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };

  if (mine.isPending) {
    return <PageLoading />;
  }
  if (mine.isError) {
    return (
      <>
        <PageTitle title={t('mine.title')} />
        {isApiError(mine.error, 'NOT_FOUND') ? (
          <Alert type="info" showIcon title={t('mine.none')} />
        ) : (
          <ErrorAlert error={mine.error} onRetry={reload} />
        )}
      </>
    );
  }
  const application = mine.data;
  return (
    <>
      <PageTitle
        title={t('mine.title')}
        tag={<ApplicationStatusTag status={application.status} />}
        extra={application.status === 'pending' ? <Button onClick={reload}>{t('mine.reload')}</Button> : undefined}
      />
      <SectionCard title={t('mine.next')}>
        <NextStep
          application={application}
          isMember={isMember}
          onReapply={application.status === 'rejected' && me.user.role === 'applicant' && !reapplying ? () => setReapplying(true) : undefined}
        />
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 8 }}>{t('mine.contact')}</Typography.Paragraph>
        <AgencyContact variant="block" />
      </SectionCard>
      {reapplying && application.status === 'rejected' ? (
        <ReapplySection application={application} onDone={() => setReapplying(false)} />
      ) : (
        <SectionCard title={t('mine.applicant')}>
          <ApplicationFields application={application} showLogin />
        </SectionCard>
      )}
    </>
  );
}
