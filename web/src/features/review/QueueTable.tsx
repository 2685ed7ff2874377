import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QueueItem, QueuePage } from '../../../../src/review/review.schemas.js';
import { RELEASE_TYPES } from '../../../../src/catalog/vocabularies.js';
import { usePagedTableProps } from '../../components/use-paged-table-props';
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
  const paged = usePagedTableProps<QueueItem>({
    data,
    loading,
    pageSize: QUEUE_PAGE_SIZE,
    rowPath: (row) => reviewAlbumPath(row.id),
    emptyText: filtered ? t('queue.emptyFiltered') : t('queue.empty'),
    totalText: (total) => t('queue.total', { total }),
    onPageChange,
  });
  return <Table<QueueItem> columns={columns} {...paged} />;
}
