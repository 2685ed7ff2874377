import { useId } from 'react';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAlbumList, type AlbumFilter } from './api';
import { AlbumTable } from './AlbumTable';

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
      <AlbumTable data={list.data} loading={list.isFetching} filter={filter} onFilterChange={onFilterChange} canDelete={canDelete} />
    </>
  );
}
