import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportAlbumGroup, ImportPreviewResponse } from '../../../../src/import/import.schemas.js';
import { AlbumPreview, TrackPreview } from './PreviewTables';

/** Colours chosen for AA contrast, as in the result table. */
const COUNT_STYLES = {
  error: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' },
  ok: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
} as const;

/**
 * A catalogue's preview, grouped by album: one row per album (專輯代號, title, release date, tracks,
 * problems), opened to show its fields and its tracks. The server sends one page of albums at a time,
 * so 500 albums stay light.
 */
export function CatalogueAlbums({ preview, loading, onPage }: { preview: ImportPreviewResponse; loading: boolean; onPage: (page: number) => void }) {
  const { t } = useTranslation('import');
  const columns: TableColumnsType<ImportAlbumGroup> = [
    { title: t('catalogue.key'), dataIndex: 'key', width: 110, render: (key: string | null) => key ?? '' },
    { title: t('catalogue.row'), key: 'row', width: 70, render: (_: unknown, group) => group.album?.row ?? '' },
    { title: t('album.title'), key: 'title', render: (_: unknown, group) => group.album?.title ?? '' },
    { title: t('album.releaseDate'), key: 'releaseDate', width: 120, render: (_: unknown, group) => group.album?.releaseDate ?? '' },
    { title: t('catalogue.tracks'), key: 'tracks', width: 90, render: (_: unknown, group) => group.tracks.length },
    {
      title: t('catalogue.problems'),
      key: 'problems',
      width: 200,
      render: (_: unknown, group) =>
        group.errorCount === 0 && group.warningCount === 0 ? (
          <Tag style={COUNT_STYLES.ok}>{t('catalogue.noProblems')}</Tag>
        ) : (
          <>
            {group.errorCount > 0 ? <Tag style={COUNT_STYLES.error}>{t('catalogue.errors', { count: group.errorCount })}</Tag> : null}
            {group.warningCount > 0 ? <Tag style={COUNT_STYLES.warning}>{t('catalogue.warnings', { count: group.warningCount })}</Tag> : null}
          </>
        ),
    },
  ];
  return (
    <>
      <Typography.Paragraph>{t('catalogue.summary', { albums: preview.albumCount, tracks: preview.trackCount })}</Typography.Paragraph>
      <Table
        size="small"
        rowKey={(group) => group.key ?? String(group.album?.row ?? '')}
        columns={columns}
        dataSource={preview.albums}
        loading={loading}
        tableLayout="fixed"
        expandable={{
          // The fixed layout keeps an opened album inside the table's width; its tracks scroll sideways.
          expandedRowRender: (group) => (
            <div style={{ overflowX: 'auto' }}>
              <AlbumPreview album={group.album} hasCover={undefined} />
              <div style={{ marginTop: 12 }}>
                <TrackPreview tracks={group.tracks} />
              </div>
            </div>
          ),
          expandRowByClick: false,
        }}
        pagination={{
          current: preview.albumPage,
          pageSize: preview.albumPageSize,
          total: preview.albums.length === 0 ? 0 : preview.albumCount,
          showSizeChanger: false,
          onChange: onPage,
        }}
      />
    </>
  );
}
