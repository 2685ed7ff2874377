import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FixityRunPage, FixityRunResponse } from '../../../../src/fixity/fixity.schemas.js';
import { useAgency } from '../agency/use-agency';
import { formatDateTime } from '../notifications/format-time';
import { PAGE_SIZE } from './api';
import { FixityStatusTag } from './FixityRunSummary';

interface Props {
  data: FixityRunPage | undefined;
  loading: boolean;
  page: number;
  onPageChange: (page: number) => void;
  onView: (runId: string) => void;
}

/** 檢核紀錄: past runs, latest first, 10 a page. */
export function FixityRunsTable({ data, loading, page, onPageChange, onView }: Props) {
  const { t } = useTranslation('fixity');
  const { timeZone } = useAgency();
  const columns: TableColumnsType<FixityRunResponse> = [
    { title: t('columns.startedAt'), dataIndex: 'startedAt', render: (_v, r) => formatDateTime(r.startedAt, timeZone) },
    { title: t('columns.status'), dataIndex: 'status', render: (_v, r) => <FixityStatusTag status={r.status} /> },
    { title: t('columns.checked'), key: 'checked', render: (_v, r) => `${r.objectsChecked} / ${r.objectsTotal}` },
    { title: t('columns.passed'), dataIndex: 'passed' },
    { title: t('columns.failed'), dataIndex: 'failed' },
    { title: t('columns.missing'), dataIndex: 'missing' },
    { title: t('columns.startedBy'), dataIndex: 'startedBy', render: (_v, r) => r.startedBy ?? t('cli') },
    {
      title: t('columns.actions'),
      key: 'actions',
      render: (_v, r) => (
        <Button size="small" onClick={() => onView(r.id)} aria-label={t('viewRun', { date: formatDateTime(r.startedAt, timeZone) })}>
          {t('view')}
        </Button>
      ),
    },
  ];
  return (
    <Table<FixityRunResponse>
      rowKey="id"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: onPageChange }}
    />
  );
}
