import { Space, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../../src/shared/common.schemas.js';
import type { RegistrantResponse } from '../../../../src/registrants/registrants.schemas.js';
import { DemoTag, StatusTag } from '../../components/StatusTag';
import { usePagedTableProps } from '../../components/use-paged-table-props';
import { useAgency } from '../agency/use-agency';
import { PAGE_SIZE } from './api';

interface Props {
  data: Page<RegistrantResponse> | undefined;
  loading: boolean;
  filtered: boolean;
  onPageChange: (page: number) => void;
}

export function RegistrantTable({ data, loading, filtered, onPageChange }: Props) {
  const { t } = useTranslation();
  const { formatDate } = useAgency();
  const detailPath = (id: string) => `/admin/registrants/${encodeURIComponent(id)}`;

  const columns: TableColumnsType<RegistrantResponse> = [
    {
      title: t('registrants.fields.name'),
      dataIndex: 'name',
      render: (_value, row) => (
        <Space size={4} wrap>
          <Link to={detailPath(row.id)}>{row.name}</Link>
          {row.isDemo ? <DemoTag /> : null}
        </Space>
      ),
    },
    { title: t('registrants.fields.kind'), dataIndex: 'kind', render: (_value, row) => t(`registrantKind.${row.kind}`) },
    {
      title: t('registrants.fields.codes'),
      dataIndex: 'codes',
      render: (_value, row) => (row.codes.length > 0 ? row.codes.join(', ') : row.kind === 'individual' ? t('registrants.poolShort') : '—'),
    },
    { title: t('registrants.fields.status'), dataIndex: 'status', render: (_value, row) => <StatusTag status={row.status} /> },
    { title: t('registrants.fields.createdAt'), dataIndex: 'createdAt', render: (_value, row) => formatDate(row.createdAt) },
  ];

  const paged = usePagedTableProps<RegistrantResponse>({
    data,
    loading,
    pageSize: PAGE_SIZE,
    rowPath: (row) => detailPath(row.id),
    emptyText: filtered ? t('registrants.emptyFiltered') : t('registrants.empty'),
    totalText: (total) => t('common.total', { total }),
    onPageChange,
  });
  return <Table<RegistrantResponse> columns={columns} {...paged} />;
}
