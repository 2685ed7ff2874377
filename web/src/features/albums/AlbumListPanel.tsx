import { useId } from 'react';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAlbumList, type AlbumFilter } from './api';
import { AlbumTable } from './AlbumTable';
import { albumEmptyState } from './empty-state';

interface Props {
  filter: AlbumFilter;
  onFilterChange: (filter: AlbumFilter) => void;
  canDelete: boolean;
}

/** Search box and the paged, sorted table of one tab. */
export function AlbumListPanel({ filter, onFilterChange, canDelete }: Props) {
  const { t } = useTranslation();
  const searchId = useId();
  const list = useAlbumList(filter);
  // An empty 待辦事項 says where the albums are: under review, or all done.
  const emptyTodo = filter.view === 'todo' && filter.q === undefined && canDelete && list.data?.total === 0;
  const underReview = useAlbumList({ view: 'review', page: 1 }, emptyTodo);
  const everything = useAlbumList({ view: 'all', page: 1 }, emptyTodo);
  const emptyState = albumEmptyState({
    view: filter.view,
    searching: filter.q !== undefined,
    canCreate: canDelete,
    underReview: underReview.data?.total,
    total: everything.data?.total,
  });
  const placing = emptyTodo && (underReview.isPending || everything.isPending);

  const search = (value: string) => {
    const q = value.trim();
    onFilterChange({ ...filter, page: 1, ...(q === '' ? { q: undefined } : { q }) });
  };

  return (
    <>
      <div style={{ maxWidth: 560, marginBottom: 16 }}>
        <label htmlFor={searchId} className="visually-hidden">
          {t('albums.searchLabel')}
        </label>
        <Input.Search
          key={filter.q ?? ''}
          id={searchId}
          defaultValue={filter.q}
          placeholder={t('albums.searchPlaceholder')}
          enterButton={t('common.search')}
          allowClear
          onSearch={search}
          maxLength={200}
        />
      </div>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <AlbumTable
        data={list.data}
        loading={list.isFetching || placing}
        filter={filter}
        onFilterChange={onFilterChange}
        canDelete={canDelete}
        emptyState={emptyState}
      />
    </>
  );
}
