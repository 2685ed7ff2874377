import { Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ListingOrder, ListingResponse, ListingRow } from '../../../../src/registrants/registrant-listings.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DemoTag, StatusTag } from '../../components/StatusTag';
import { api } from '../../lib/api-client';
import { PAGE_SIZE, registrantKeys } from './api';
import { RegistrantExports } from './RegistrantExports';

export function useRegistrantListing(order: ListingOrder) {
  return useQuery({
    queryKey: [...registrantKeys.all, 'listing', order] as const,
    queryFn: ({ signal }) => api.get<ListingResponse>('/registrants/listing', { order }, signal),
  });
}

/** 登記者清冊 on screen: by code (a row per code) or by name (a row per registrant), 10 rows a page. */
export function RegistrantListingTable({ order }: { order: ListingOrder }) {
  const { t } = useTranslation('registrantAdmin');
  const { t: tc } = useTranslation();
  const listing = useRegistrantListing(order);
  const codes = (row: ListingRow) =>
    row.codes.length > 0 ? row.codes.map((c) => c.code).join('、') : row.kind === 'individual' ? t('listing.pool') : t('listing.none');
  const name = {
    title: t('listing.name'),
    key: 'name',
    render: (_v: unknown, row: ListingRow) => (
      <Space size={4} wrap>
        <Link to={`/admin/registrants/${encodeURIComponent(row.registrantId)}`}>{row.name}</Link>
        {row.isDemo ? <DemoTag /> : null}
      </Space>
    ),
  };
  const code = { title: t('listing.code'), key: 'code', render: (_v: unknown, row: ListingRow) => codes(row) };
  const year = {
    title: t('listing.allocatedYear'),
    key: 'year',
    render: (_v: unknown, row: ListingRow) => row.codes.map((c) => c.allocatedYear).join('、'),
  };
  const columns: TableColumnsType<ListingRow> = [
    ...(order === 'code' ? [code, year, name] : [name, code, year]),
    { title: t('listing.kind'), key: 'kind', render: (_v, row) => tc(`registrantKind.${row.kind}`) },
    { title: t('listing.status'), key: 'status', render: (_v, row) => <StatusTag status={row.status} /> },
    { title: t('listing.contact'), dataIndex: 'contactPerson' },
    { title: t('listing.phone'), dataIndex: 'phone' },
    { title: t('listing.email'), dataIndex: 'email' },
  ];
  return (
    <>
      {order === 'name' ? <Typography.Paragraph type="secondary">{t('listing.orderNote')}</Typography.Paragraph> : null}
      {listing.isError ? <ErrorAlert error={listing.error} onRetry={() => void listing.refetch()} /> : null}
      <Table<ListingRow>
        scroll={{ x: 'max-content' }}
        rowKey={(row) => `${row.registrantId}:${row.codes[0]?.code ?? ''}`}
        columns={columns}
        dataSource={listing.data?.items ?? []}
        loading={listing.isFetching}
        locale={{ emptyText: <Empty description={t('listing.empty')} /> }}
        pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false, showTotal: (total) => tc('common.total', { total }) }}
      />
      <RegistrantExports orders={[order]} />
    </>
  );
}
