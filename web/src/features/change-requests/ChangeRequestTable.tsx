import { Empty, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestPage, ChangeRequestResponse } from '../../../../src/change-requests/change-requests.schemas.js';
import { useAgency } from '../agency/use-agency';
import { PAGE_SIZE } from './api';
import { ChangesSummary } from './ChangesTable';
import { RequestStatusTag } from './RequestStatusTag';

interface Props {
  data: ChangeRequestPage | undefined;
  loading: boolean;
  emptyText: string;
  onPageChange: (page: number) => void;
  /** Staff views link each row to its detail page and show the registrant. */
  staff?: boolean;
  showRegistrant?: boolean;
  /** Extra cell per row (the member's withdraw and upload buttons). */
  actions?: (row: ChangeRequestResponse) => ReactNode;
}

export function detailPath(id: string): string {
  return `/admin/change-requests/${encodeURIComponent(id)}`;
}

export function ChangeRequestTable({ data, loading, emptyText, onPageChange, staff = false, showRegistrant = false, actions }: Props) {
  const { t } = useTranslation('changeRequests');
  const { formatDate } = useAgency();
  const columns: TableColumnsType<ChangeRequestResponse> = [
    {
      title: t('columns.createdAt'),
      dataIndex: 'createdAt',
      render: (_v, row) => (staff ? <Link to={detailPath(row.id)}>{formatDate(row.createdAt)}</Link> : formatDate(row.createdAt)),
      width: 120,
    },
    ...(showRegistrant
      ? [{ title: t('columns.registrant'), dataIndex: 'registrantName', render: (_v: unknown, row: ChangeRequestResponse) => row.registrantName }]
      : []),
    { title: t('columns.changes'), dataIndex: 'changes', render: (_v, row) => <ChangesSummary changes={row.changes} /> },
    { title: t('columns.status'), dataIndex: 'status', render: (_v, row) => <RequestStatusTag status={row.status} />, width: 100 },
    {
      title: t('columns.decision'),
      dataIndex: 'decisionReason',
      render: (_v, row) =>
        row.decidedAt === null ? '—' : `${formatDate(row.decidedAt)}${row.decisionReason === null ? '' : `\u3000${row.decisionReason}`}`,
    },
    ...(actions === undefined
      ? []
      : [{ title: t('columns.actions'), key: 'actions', render: (_v: unknown, row: ChangeRequestResponse) => actions(row) }]),
  ];
  return (
    <Table<ChangeRequestResponse>
      scroll={{ x: 'max-content' }}
      rowKey="id"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: PAGE_SIZE,
        total: data?.total ?? 0,
        showSizeChanger: false,
        onChange: onPageChange,
        hideOnSinglePage: false,
      }}
    />
  );
}
