import type { MouseEvent } from 'react';
import { Button, Empty, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlbumPage, AlbumSort, AlbumSummary } from '../../../../src/catalog/catalog.schemas.js';
import { useAgency } from '../agency/use-agency';
import { ALBUM_PAGE_SIZE, albumPagePath, type AlbumFilter } from './api';
import { pagerCount } from './capped-total';
import { DepositStatusTag, ReviewStatusTag } from './AlbumTags';
import { CoverThumbnail, NoCover } from './CoverThumbnail';
import { DeleteAlbumButton } from './DeleteAlbumButton';
import type { AlbumEmptyState } from './empty-state';

interface Props {
  data: AlbumPage | undefined;
  loading: boolean;
  filter: AlbumFilter;
  onFilterChange: (filter: AlbumFilter) => void;
  canDelete: boolean;
  /** What the table says when it has no rows. */
  emptyState: AlbumEmptyState;
}

type SortOrder = 'ascend' | 'descend' | null;

/** Opens the album on a row click, except on its links and buttons (and popups opened from them). */
function rowClick(open: () => void) {
  return (event: MouseEvent<HTMLElement>) => {
    const target = event.target;
    if (!(target instanceof Element) || !event.currentTarget.contains(target) || target.closest('a, button') !== null) {
      return;
    }
    open();
  };
}

export function AlbumTable({ data, loading, filter, onFilterChange, canDelete, emptyState }: Props) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('review');
  const { t: tc } = useTranslation('covers');
  const { formatDate } = useAgency();
  const navigate = useNavigate();

  const sortOrder = (key: AlbumSort): SortOrder => (filter.sort === key ? (filter.order === 'desc' ? 'descend' : 'ascend') : null);
  const sortable = (key: AlbumSort) => ({ key, sorter: true, sortOrder: sortOrder(key), sortDirections: ['ascend', 'descend'] as SortOrder[] });

  const columns: TableColumnsType<AlbumSummary> = [
    {
      title: tc('list.column'),
      key: 'cover',
      width: 64,
      // The title is read in the next cell: the picture itself needs no words.
      render: (_value, row) =>
        row.coverThumbnailUrl === null ? (
          <NoCover label={tc('list.none')} size={40} />
        ) : (
          <CoverThumbnail url={row.coverThumbnailUrl} alt="" size={40} />
        ),
    },
    { title: t('albums.fields.albumNumber'), dataIndex: 'albumNumber', ...sortable('albumNumber') },
    {
      title: t('albums.fields.title'),
      dataIndex: 'title',
      ...sortable('title'),
      render: (_value, row) => (
        <>
          <Link to={albumPagePath(row.id)}>{row.title === '' ? t('albums.untitled', { number: row.albumNumber }) : row.title}</Link>
          {row.returnReason === undefined ? null : (
            <Typography.Paragraph style={{ margin: 0, fontSize: 13, color: '#a8071a' }}>
              {tr('registrant.listReason', { reason: row.returnReason })}
            </Typography.Paragraph>
          )}
        </>
      ),
    },
    { title: t('albums.fields.artist'), dataIndex: 'artist', render: (_value, row) => row.artist || '—' },
    { title: t('albums.fields.trackCount'), dataIndex: 'trackCount', align: 'right' },
    { title: t('albums.fields.status'), dataIndex: 'status', render: (_value, row) => <ReviewStatusTag status={row.status} /> },
    {
      title: t('albums.fields.depositStatus'),
      dataIndex: 'depositStatus',
      render: (_value, row) => <DepositStatusTag status={row.depositStatus} />,
    },
    { title: t('albums.fields.createdAt'), dataIndex: 'createdAt', ...sortable('createdAt'), render: (_value, row) => formatDate(row.createdAt) },
  ];
  if (!canDelete) {
    // Agency staff see every registrant's albums.
    // After the cover, number and title.
    columns.splice(3, 0, { title: t('albums.fields.registrant'), dataIndex: 'registrantName' });
  }
  if (canDelete) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      // Kept in view on a narrow screen while the other columns scroll.
      fixed: 'right',
      render: (_value, row) => (row.status === 'draft' ? <DeleteAlbumButton album={row} /> : <Typography.Text type="secondary">—</Typography.Text>),
    });
  }

  const onChange: TableProps<AlbumSummary>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = typeof one?.columnKey === 'string' ? one.columnKey : undefined;
      const sort = one?.order ? (['albumNumber', 'title', 'createdAt'] as const).find((candidate) => candidate === key) : undefined;
      onFilterChange({ view: filter.view, page: 1, q: filter.q, ...(sort ? { sort, order: one?.order === 'descend' ? 'desc' : 'asc' } : {}) });
      return;
    }
    onFilterChange({ ...filter, page: pagination.current ?? 1 });
  };

  const count = data === undefined ? { total: 0, atLeast: false } : pagerCount(data);
  const { goTo } = emptyState;
  const empty = (
    <Empty description={t(`albums.${emptyState.key}`)}>
      {goTo === undefined ? null : <Button onClick={() => onFilterChange({ view: goTo, page: 1 })}>{t(`albums.goTo.${goTo}`)}</Button>}
    </Empty>
  );

  return (
    <Table<AlbumSummary>
      className="clickable-rows"
      rowKey="id"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      onChange={onChange}
      onRow={(row) => ({ onClick: rowClick(() => void navigate(albumPagePath(row.id))) })}
      locale={{ emptyText: empty }}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: data?.page ?? filter.page,
        pageSize: ALBUM_PAGE_SIZE,
        total: count.total,
        showSizeChanger: false,
        // Past the server's count cap the total says "more than": data.total, not the pager's.
        showTotal: (total) =>
          count.atLeast ? t('common.totalCapped', { total: (data?.total ?? 0).toLocaleString('en') }) : t('common.total', { total }),
      }}
    />
  );
}
