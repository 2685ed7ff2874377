import { Descriptions, Result, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegistrantResponse } from '../../../../src/registrants/registrants.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { DemoTag } from '../../components/StatusTag';
import { isApiError } from '../../lib/api-client';
import { useAgency } from '../agency/use-agency';
import { useRegistrant } from './api';
import { RegistrantCodesSection } from './RegistrantCodesSection';
import { RegistrantEditForm } from './RegistrantEditForm';
import { RegistrantOverviewSection } from './RegistrantOverviewSection';
import { RegistrantStatusControl } from './RegistrantStatusControl';
import { RegistrantUsersSection } from './RegistrantUsersSection';
import { ChangeHistorySection } from '../change-requests/ChangeHistorySection';

function BackLink() {
  const { t } = useTranslation();
  return <Link to="/admin/registrants">{t('registrants.backToList')}</Link>;
}

function Summary({ registrant }: { registrant: RegistrantResponse }) {
  const { t } = useTranslation();
  const { formatDate } = useAgency();
  return (
    <Descriptions
      column={{ xs: 1, sm: 2, lg: 4 }}
      style={{ marginBottom: 24 }}
      items={[
        { key: 'kind', label: t('registrants.fields.kind'), children: t(`registrantKind.${registrant.kind}`) },
        { key: 'status', label: t('registrants.fields.status'), children: <RegistrantStatusControl registrant={registrant} /> },
        { key: 'createdAt', label: t('registrants.fields.createdAt'), children: formatDate(registrant.createdAt) },
        { key: 'updatedAt', label: t('registrants.fields.updatedAt'), children: formatDate(registrant.updatedAt) },
      ]}
    />
  );
}

export function RegistrantDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const registrant = useRegistrant(id);

  if (registrant.isPending) {
    return <PageLoading />;
  }
  if (registrant.isError) {
    if (isApiError(registrant.error) && registrant.error.status === 404) {
      return (
        <>
          <PageTitle title={t('registrants.notFound')} />
          <Result status="404" subTitle={t('registrants.notFoundText')} extra={<BackLink />} />
        </>
      );
    }
    return (
      <>
        <PageTitle title={t('registrants.detailTitle')} />
        <ErrorAlert error={registrant.error} onRetry={() => void registrant.refetch()} />
        <BackLink />
      </>
    );
  }

  const data = registrant.data;
  return (
    <>
      <Typography.Paragraph>
        <BackLink />
      </Typography.Paragraph>
      <PageTitle title={data.name} tag={<Space size={4}>{data.isDemo ? <DemoTag /> : null}</Space>} />
      <Summary registrant={data} />
      <RegistrantOverviewSection registrantId={data.id} />
      <SectionCard title={t('registrants.basicInfo')}>
        <RegistrantEditForm registrant={data} />
      </SectionCard>
      <RegistrantCodesSection registrant={data} />
      <RegistrantUsersSection registrant={data} />
      <ChangeHistorySection registrantId={data.id} />
    </>
  );
}
