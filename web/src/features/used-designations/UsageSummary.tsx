import { Empty, Flex, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatRanges, type DesignationRange } from '../../../../src/isrc/designation-ranges.js';
import type { CodeUsage, UsageResponse } from '../../../../src/used-designations/used-designations.schemas.js';
import { PAGE_SIZE } from './api';

/** Pool tags: dark text on a light background, AA contrast. */
const POOL_STYLE = { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' };

function RangeList({ ranges, count }: { ranges: readonly DesignationRange[]; count: number }) {
  const { t } = useTranslation('usedDesignations');
  if (ranges.length === 0) {
    return <Typography.Text type="secondary">{t('summary.none')}</Typography.Text>;
  }
  return (
    <span className="isrc">
      {formatRanges(ranges)}
      {count > ranges.length ? t('summary.more', { count }) : null}
    </span>
  );
}

interface Props {
  data: UsageResponse;
  staff: boolean;
  loading: boolean;
}

/** The year at a glance: totals, then one row per registrant code with its ranges, gaps, reserved codes and next code. */
export function UsageSummary({ data, staff, loading }: Props) {
  const { t } = useTranslation('usedDesignations');

  const next = (row: CodeUsage) => {
    if (row.nextAvailable !== null) {
      return <span className="isrc">{row.nextAvailable.display}</span>;
    }
    const why = row.shared ? t('summary.nextPool') : data.year === data.currentYear ? t('summary.none') : t('summary.nextNotThisYear');
    return <Typography.Text type="secondary">{why}</Typography.Text>;
  };

  const columns: TableColumnsType<CodeUsage> = [
    {
      title: t('summary.code'),
      dataIndex: 'registrantCode',
      render: (_value, row) => (
        <Flex gap={6} wrap align="center">
          <strong className="isrc">{row.registrantCode}</strong>
          {row.pool ? <Tag style={POOL_STYLE}>{t('summary.pool')}</Tag> : null}
        </Flex>
      ),
    },
    ...(staff
      ? [
          {
            title: t('summary.holder'),
            key: 'holder',
            render: (_value: unknown, row: CodeUsage) =>
              row.holder === null ? (
                t('summary.poolHolder')
              ) : (
                <Link to={`/admin/registrants/${encodeURIComponent(row.holder.id)}`}>{row.holder.name}</Link>
              ),
          },
        ]
      : []),
    { title: t('summary.used'), dataIndex: 'used', align: 'right' },
    { title: t('summary.ranges'), key: 'ranges', render: (_value, row) => <RangeList ranges={row.ranges} count={row.rangeCount} /> },
    {
      title: t('summary.gaps'),
      key: 'gaps',
      render: (_value, row) =>
        row.shared ? (
          '—'
        ) : (
          <>
            <RangeList ranges={row.gaps} count={row.gaps.length} />
            {row.gapCount > 0 ? t('summary.gapCount', { count: row.gapCount }) : null}
          </>
        ),
    },
    {
      title: t('summary.reserved'),
      key: 'reserved',
      render: (_value, row) =>
        row.reserved === 0 ? (
          <Typography.Text type="secondary">{t('summary.none')}</Typography.Text>
        ) : (
          <RangeList ranges={row.reservedRanges} count={row.reservedRanges.length} />
        ),
    },
    { title: t('summary.next'), key: 'next', render: (_value, row) => next(row) },
  ];

  return (
    <section aria-labelledby="usage-summary-heading">
      <Typography.Title level={2} id="usage-summary-heading" style={{ fontSize: 18 }}>
        {t('summary.heading', { year: data.year })}
      </Typography.Title>
      <Flex gap="large" wrap style={{ marginBottom: 16 }}>
        <Statistic title={t('totals.used')} value={data.totals.used} />
        <Statistic title={t('totals.onRecording')} value={data.totals.onRecording} />
        <Statistic title={t('totals.reserved')} value={data.totals.reserved} />
        <Statistic title={t('totals.codes')} value={data.codes.length} />
      </Flex>
      {data.codes.some((c) => c.shared) ? <Typography.Paragraph type="secondary">{t('summary.sharedNote')}</Typography.Paragraph> : null}
      <Table<CodeUsage>
        rowKey="registrantCode"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data.codes}
        pagination={data.codes.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={t(staff ? 'summary.emptyStaff' : 'summary.empty', { year: data.year })} /> }}
        scroll={{ x: 'max-content' }}
      />
    </section>
  );
}
