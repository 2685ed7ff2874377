import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { StatCounts } from '../../../../src/stats/stats.schemas.js';

export const COUNT_KEYS = [
  'albumsReported',
  'albumsApproved',
  'albumsReturned',
  'albumsDeposited',
  'recordingsReported',
  'recordingsApproved',
  'recordingsReturned',
  'recordingsDeposited',
] as const satisfies readonly (keyof StatCounts)[];

export interface CountsRow {
  key: string;
  label: string;
  /** Shown in a second column (a registrant's kind). */
  detail?: string;
  counts: StatCounts;
}

/** The year's eight figures for a few categories (release types, kinds, registrants): one row each. */
export function CountsTable({
  caption,
  firstHeader,
  detailHeader,
  rows,
  paged,
}: {
  caption: string;
  firstHeader: string;
  detailHeader?: string;
  rows: readonly CountsRow[];
  paged?: boolean;
}) {
  const { t } = useTranslation('stats');
  const columns: ColumnsType<CountsRow> = [
    { title: firstHeader, dataIndex: 'label', key: 'label' },
    ...(detailHeader === undefined ? [] : [{ title: detailHeader, dataIndex: 'detail', key: 'detail' }]),
    ...COUNT_KEYS.map((key) => ({
      title: t(`measures.${key}`),
      key,
      align: 'right' as const,
      render: (_: unknown, row: CountsRow) => row.counts[key],
    })),
  ];
  return (
    <Table<CountsRow>
      size="small"
      className="stats-counts"
      scroll={{ x: 'max-content' }}
      caption={<span className="visually-hidden">{caption}</span>}
      columns={columns}
      dataSource={[...rows]}
      pagination={paged === true && rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
    />
  );
}
