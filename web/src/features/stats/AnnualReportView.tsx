import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AnnualReportResponse } from '../../../../src/stats/stats.schemas.js';
import { ChartFigure } from './ChartFigure';
import { useStatColors } from './use-stat-colors';

type Code = AnnualReportResponse['codes'][number];
type KindRow = AnnualReportResponse['registrantsByKind'][number];

/** The annual report to the international ISRC agency: codes, registrants by kind, ISRCs by month. */
export function AnnualReportView({ report }: { report: AnnualReportResponse }) {
  const { t } = useTranslation('stats');
  const colors = useStatColors();
  const kindColumns: ColumnsType<KindRow> = [
    { title: t('kind'), dataIndex: 'kind', key: 'kind', render: (kind: KindRow['kind']) => t(`kinds.${kind}`) },
    { title: t('annual.newRegistrants'), dataIndex: 'newTotal', key: 'newTotal', align: 'right' },
    { title: t('annual.atYearEnd'), dataIndex: 'atYearEnd', key: 'atYearEnd', align: 'right' },
  ];
  const codeColumns: ColumnsType<Code> = [
    {
      title: t('annual.code'),
      dataIndex: 'code',
      key: 'code',
      render: (code: string) => <span className="stats-code">{`${code.slice(0, 2)}-${code.slice(2)}`}</span>,
    },
    { title: t('registrantName'), key: 'name', render: (_: unknown, c: Code) => (c.isPool ? t('annual.pool') : c.registrantName) },
    { title: t('kind'), key: 'kind', render: (_: unknown, c: Code) => (c.registrantKind === null ? '' : t(`kinds.${c.registrantKind}`)) },
    {
      title: t('annual.allocatedOn'),
      key: 'on',
      render: (_: unknown, c: Code) => (c.allocatedOn === null ? t('annual.carriedOver') : c.allocatedOn.replaceAll('-', '.')),
    },
  ];
  return (
    <>
      <Typography.Paragraph className="stats-summary">
        {t('annual.summary', { codes: report.codesTotal, reported: report.isrcsReported, approved: report.isrcsApproved })}
      </Typography.Paragraph>
      <ChartFigure
        id="annual-codes"
        kind="bar"
        title={t('annual.codesChart', { year: report.year })}
        series={[{ key: 'codes', label: t('annual.codesAllocated'), color: colors.reported, values: report.codesByMonth }]}
      />
      <ChartFigure
        id="annual-isrcs"
        kind="line"
        title={t('annual.isrcsChart', { year: report.year })}
        series={[
          { key: 'reported', label: t('annual.isrcsReported'), color: colors.reported, values: report.isrcsReportedByMonth },
          { key: 'approved', label: t('annual.isrcsApproved'), color: colors.approved, values: report.isrcsApprovedByMonth },
        ]}
      />
      <ChartFigure
        id="annual-registrants"
        kind="bar"
        title={t('annual.registrantsByKind')}
        series={report.registrantsByKind.map((k, i) => ({
          key: k.kind,
          label: t(`kinds.${k.kind}`),
          color: [colors.reported, colors.approved, colors.deposited][i] ?? colors.reported,
          values: k.newByMonth,
        }))}
        extra={
          <Table<KindRow>
            size="small"
            pagination={false}
            className="stats-kinds"
            caption={<span className="visually-hidden">{t('annual.registrantsByKind')}</span>}
            columns={kindColumns}
            dataSource={report.registrantsByKind.map((k) => ({ ...k, key: k.kind }))}
          />
        }
      />
      <section className="stats-figure" aria-labelledby="annual-codes-list-title">
        <Typography.Title level={3} id="annual-codes-list-title" className="stats-figure__title">
          {t('annual.codes')}
        </Typography.Title>
        <Table<Code>
          size="small"
          caption={<span className="visually-hidden">{t('annual.codes')}</span>}
          columns={codeColumns}
          dataSource={report.codes.map((c) => ({ ...c, key: c.code }))}
          locale={{ emptyText: t('annual.noCodes') }}
          pagination={report.codes.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        />
      </section>
    </>
  );
}
