import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumSummary, TrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import { albumQuery, useDeleteAlbum } from './api';
import { deletionTrackLines } from './deletion';

/** What deleting the album removes besides it: its tracks, by position, name and ISRC. */
function DeletionEffect({ tracks, pending, error }: { tracks: readonly TrackResponse[] | undefined; pending: boolean; error: Error | null }) {
  const { t } = useTranslation();
  if (error !== null) {
    return <Typography.Text type="danger">{error.message}</Typography.Text>;
  }
  if (pending || tracks === undefined) {
    return <Typography.Text>{t('albums.delete.loadingTracks')}</Typography.Text>;
  }
  const lines = deletionTrackLines(tracks);
  return (
    <div style={{ maxWidth: 360 }}>
      {lines.shown.length > 0 ? (
        <>
          <Typography.Text>{t('albums.delete.tracksRemoved')}</Typography.Text>
          <ul style={{ margin: '4px 0 8px', paddingInlineStart: 8, listStyle: 'none' }}>
            {lines.shown.map((line) => (
              <li key={line.id}>
                {t(line.isrc === null ? 'albums.delete.trackLine' : 'albums.delete.trackLineIsrc', {
                  position: line.position,
                  name: line.title === '' ? t('tracks.untitledShort') : line.title,
                  isrc: line.isrc,
                })}
              </li>
            ))}
            {lines.more > 0 ? <li>{t('albums.delete.moreTracks', { count: lines.more })}</li> : null}
          </ul>
        </>
      ) : null}
      {lines.anyIsrc ? <Typography.Paragraph style={{ margin: 0 }}>{t('albums.delete.isrcStaysUsed')}</Typography.Paragraph> : null}
      <Typography.Paragraph style={{ margin: 0 }}>{t('albums.delete.effect')}</Typography.Paragraph>
    </div>
  );
}

/**
 * 刪除 on a draft row: asks once (a Popconfirm naming the album and every track removed with it),
 * then deletes the tracks and the album.
 */
export function DeleteAlbumButton({ album }: { album: Pick<AlbumSummary, 'id' | 'title' | 'albumNumber' | 'trackCount'> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useDeleteAlbum();
  const [open, setOpen] = useState(false);
  const name = album.title === '' ? t('albums.untitled', { number: album.albumNumber }) : album.title;
  // The list's count may be old: the tracks themselves are read when the question opens.
  const hasTracks = album.trackCount > 0;
  const detail = useQuery({ ...albumQuery(album.id), enabled: open && hasTracks, staleTime: 0 });
  const tracks = hasTracks ? detail.data?.tracks : [];
  const count = tracks?.length ?? album.trackCount;

  const confirm = async () => {
    try {
      await remove.mutateAsync({ id: album.id, trackIds: (tracks ?? []).map((track) => track.id) });
      void message.success(t('albums.delete.done', { name }));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('errors.unknown'));
    }
  };

  return (
    <Popconfirm
      open={open}
      onOpenChange={setOpen}
      title={count > 0 ? t('albums.delete.confirmWithTracks', { name, count }) : t('albums.delete.confirm', { name })}
      description={<DeletionEffect tracks={tracks} pending={hasTracks && detail.isPending} error={detail.error} />}
      okText={t('albums.delete.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: tracks === undefined }}
      onConfirm={() => void confirm()}
    >
      <Button size="small" danger loading={remove.isPending} aria-label={t('albums.delete.label', { name })}>
        {t('albums.delete.ok')}
      </Button>
    </Popconfirm>
  );
}
