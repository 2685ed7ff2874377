import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumSummary } from '../../../../src/catalog/catalog.schemas.js';
import { isApiError } from '../../lib/api-client';
import { albumQuery, useDeleteAlbum } from './api';
import { HasTracksModal, readBlockingTracks, type BlockingTrack } from './HasTracksModal';

/** 刪除 on a draft row: asks once naming the album; if it still has tracks, offers to delete them first. */
export function DeleteAlbumButton({ album }: { album: Pick<AlbumSummary, 'id' | 'title' | 'albumNumber' | 'trackCount'> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const remove = useDeleteAlbum();
  const [blocking, setBlocking] = useState<BlockingTrack[] | null>(null);
  const name = album.title === '' ? t('albums.untitled', { number: album.albumNumber }) : album.title;

  const onDeleted = () => void message.success(t('albums.delete.done', { name }));

  /** Tracks known from the list: show them at once instead of asking the server to refuse. */
  const showTracks = async () => {
    try {
      const detail = await queryClient.query({ ...albumQuery(album.id), staleTime: 0 });
      if (detail.tracks.length === 0) {
        deleteEmpty();
        return;
      }
      setBlocking(
        detail.tracks.map((track) => ({ id: track.id, position: track.position, title: track.recording.title, isrc: track.recording.isrcDisplay })),
      );
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('errors.unknown'));
    }
  };

  const deleteEmpty = () =>
    remove.mutate(
      { id: album.id },
      {
        onSuccess: onDeleted,
        onError: (error) => {
          if (isApiError(error, 'ALBUM_HAS_TRACKS')) {
            setBlocking(readBlockingTracks(error.details));
            return;
          }
          void message.error(error.message);
        },
      },
    );

  const deleteWithTracks = () => {
    const tracks = blocking ?? [];
    remove.mutate(
      { id: album.id, trackIds: tracks.map((track) => track.id) },
      {
        onSuccess: () => {
          setBlocking(null);
          onDeleted();
        },
        onError: (error) => {
          setBlocking(null);
          void message.error(error.message);
        },
      },
    );
  };

  return (
    <>
      <Popconfirm
        title={t('albums.delete.confirm', { name })}
        description={t('albums.delete.effect')}
        okText={t('albums.delete.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => (album.trackCount > 0 ? void showTracks() : deleteEmpty())}
      >
        <Button size="small" danger loading={remove.isPending && blocking === null} aria-label={t('albums.delete.label', { name })}>
          {t('albums.delete.ok')}
        </Button>
      </Popconfirm>
      <HasTracksModal name={name} tracks={blocking} pending={remove.isPending} onConfirm={deleteWithTracks} onCancel={() => setBlocking(null)} />
    </>
  );
}
