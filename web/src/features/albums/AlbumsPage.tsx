import { useState } from 'react';
import { Button, Card, Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ALBUM_VIEWS, type AlbumView } from '../../../../src/catalog/catalog.schemas.js';
import { useCurrentMe } from '../../app/me-context';
import { PageTitle } from '../../components/PageTitle';
import { AlbumListPanel } from './AlbumListPanel';
import type { AlbumFilter } from './api';
import { CreateAlbumModal } from './CreateAlbumModal';
import { albumFilterParams, readAlbumFilter } from './list-params';

/** 專輯匯入 sits beside 專輯新增, as in the agency's guide. */
function ImportButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <Button onClick={() => void navigate('/import')}>{t('albums.import')}</Button>;
}

/** 專輯/ISRC回報: 待辦事項 · 所有專輯 · 審核中專輯, 專輯新增, 專輯匯入. */
export function AlbumsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [params, setParams] = useSearchParams();
  const filter = readAlbumFilter(params);
  const [creating, setCreating] = useState(false);
  const isRegistrant = me.registrant !== null;

  const setFilter = (next: AlbumFilter) => setParams(albumFilterParams(next));

  return (
    <>
      <PageTitle
        title={t('nav.albums')}
        extra={
          isRegistrant ? (
            <>
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('albums.create')}
              </Button>
              <ImportButton />
            </>
          ) : undefined
        }
      />
      <Card>
        <Tabs
          activeKey={filter.view}
          onChange={(key) => setFilter({ view: ALBUM_VIEWS.find((view) => view === key) ?? 'todo', page: 1 })}
          items={ALBUM_VIEWS.map((view: AlbumView) => ({
            key: view,
            label: t(`albums.views.${view}`),
            children: view === filter.view ? <AlbumListPanel filter={filter} onFilterChange={setFilter} canDelete={isRegistrant} /> : null,
          }))}
        />
      </Card>
      <CreateAlbumModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
