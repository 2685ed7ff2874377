import { Empty, Table, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QueueItem, QueuePage } from '../../../../src/review/review.schemas.js';
import { RELEASE_TYPES } from '../../../../src/catalog/vocabularies.js';
import { useAgency } from '../agency/use-agency';
import { termLabel, useCatalogLocale } from '../albums/catalog-locale';
import { QUEUE_PAGE_SIZE } from './api';

interface Props {
  data: QueuePage | undefined;
  loading: boolean;
  filtered: boolean;
  onPageChange: (page: number) => void;
}

export const reviewAlbumPath = (id: string) => `/review/${encodeURIComponent(id)}`;

/** 審核中專輯 for the officer: oldest submission first, 10 rows a page. */
export function QueueTable({ data, loading, filtered, onPageChange }: Props) {
  const { t } = useTranslation('review');
  const { formatDate } = useAgency();
  const locale = useCatalogLocale();
  const navigate = useNavigate();
  const columns: TableColumnsType<QueueItem> = [
    { title: t('queue.columns.submittedAt'), dataIndex: 'submittedAt', render: (_v, row) => formatDate(row.submittedAt) },
    { title: t('queue.columns.albumNumber'), dataIndex: 'albumNumber' },
    {
      title: t('queue.columns.title'),
      dataIndex: 'title',
      render: (_v, row) => <Link to={reviewAlbumPath(row.id)}>{row.title === '' ? t('queue.untitled') : row.title}</Link>,
    },
    { title: t('queue.columns.registrant'), dataIndex: 'registrantName' },
    { title: t('queue.columns.kind'), dataIndex: 'registrantKind', render: (_v, row) => t(`kind.${row.registrantKind}`) },
    { title: t('queue.columns.releaseType'), dataIndex: 'releaseType', render: (_v, row) => termLabel(RELEASE_TYPES, row.releaseType, locale) },
    { title: t('queue.columns.tracks'), dataIndex: 'trackCount' },
    { title: t('queue.columns.round'), dataIndex: 'round', render: (_v, row) => t('queue.round', { round: row.round }) },
  ];
  return (
    <Table<QueueItem>
      scroll={{ x: 'max-content' }}
      className="clickable-rows"
      rowKey="id"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      onRow={(row) => ({
        onClick: (event) => {
          if (!(event.target instanceof Element) || event.target.closest('a') === null) {
            void navigate(reviewAlbumPath(row.id));
          }
        },
      })}
      locale={{ emptyText: <Empty description={filtered ? t('queue.emptyFiltered') : t('queue.empty')} /> }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: QUEUE_PAGE_SIZE,
        total: data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => t('queue.total', { total }),
        onChange: onPageChange,
        hideOnSinglePage: false,
      }}
    />
  );
}
