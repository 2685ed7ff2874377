import { Col, Empty, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegistrantOverview } from '../../../../src/registrants/registrant-overview.schemas.js';
import { DEPOSIT_STATUSES, REVIEW_STATUSES } from '../../../../src/shared/enums.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { api } from '../../lib/api-client';
import { DepositStatusTag, ReviewStatusTag } from '../albums/AlbumTags';
import { registrantKeys } from './api';

export function useRegistrantOverview(id: string) {
  return useQuery({
    queryKey: [...registrantKeys.detail(id), 'overview'] as const,
    queryFn: ({ signal }) => api.get<RegistrantOverview>(`/registrants/${encodeURIComponent(id)}/overview`, undefined, signal),
  });
}

/** One row per year of reference: recordings registered, and ISRCs issued per code. */
function yearlyRows(data: RegistrantOverview): { year: number; recordings: number; isrcs: string }[] {
  const years = new Set([...data.recordingsByYear.map((y) => y.year), ...data.isrcsByCodeYear.map((y) => y.year)]);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      recordings: data.recordingsByYear.find((y) => y.year === year)?.recordings ?? 0,
      isrcs: data.isrcsByCodeYear
        .filter((y) => y.year === year)
        .map((y) => `${y.code}: ${y.isrcs}`)
        .join('、'),
    }));
}

/** 概況: albums by review status, approved albums by deposit status, yearly reporting totals. */
export function RegistrantOverviewSection({ registrantId }: { registrantId: string }) {
  const { t } = useTranslation('registrantAdmin');
  const overview = useRegistrantOverview(registrantId);
  const data = overview.data;
  return (
    <SectionCard
      title={t('overview.title')}
      extra={<Link to={`/admin/audit?registrantId=${encodeURIComponent(registrantId)}`}>{t('overview.auditLink')}</Link>}
    >
      {overview.isError ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('overview.albums')}
          </Typography.Title>
          <Flex gap="large" wrap>
            {REVIEW_STATUSES.map((status) => (
              <Statistic
                key={status}
                title={<ReviewStatusTag status={status} />}
                value={data?.albumsByStatus[status] ?? 0}
                loading={overview.isPending}
              />
            ))}
          </Flex>
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('overview.deposit')}
          </Typography.Title>
          <Flex gap="large" wrap>
            {DEPOSIT_STATUSES.map((status) => (
              <Statistic
                key={status}
                title={<DepositStatusTag status={status} />}
                value={data?.depositByStatus[status] ?? 0}
                loading={overview.isPending}
              />
            ))}
          </Flex>
        </Col>
      </Row>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 24 }}>
        {t('overview.yearly')}
      </Typography.Title>
      <Table
        scroll={{ x: 'max-content' }}
        size="small"
        rowKey="year"
        loading={overview.isPending}
        dataSource={data === undefined ? [] : yearlyRows(data)}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('overview.noYearly')} /> }}
        columns={[
          { title: t('overview.year'), dataIndex: 'year' },
          { title: t('overview.recordings'), dataIndex: 'recordings' },
          { title: t('overview.isrcs'), dataIndex: 'isrcs' },
        ]}
      />
    </SectionCard>
  );
}
