import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import { useDeleteTrack } from './api';

/** 刪除: asks once, naming the track and what happens to its ISRC. */
export function DeleteTrackButton({ albumId, track, name }: { albumId: string; track: TrackResponse; name: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useDeleteTrack(albumId);
  const effect = track.cited
    ? t('tracks.delete.effectCited')
    : track.recording.isrc !== null
      ? t('tracks.delete.effectIsrc', { isrc: track.recording.isrcDisplay ?? track.recording.isrc })
      : undefined;

  return (
    <Popconfirm
      title={t('tracks.delete.confirm', { position: track.position, name })}
      description={effect}
      okText={t('tracks.delete.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        remove.mutate(track.id, {
          onSuccess: () => void message.success(t('tracks.delete.done', { name })),
          onError: (error) => void message.error(error.message),
        })
      }
    >
      <Button size="small" danger loading={remove.isPending} aria-label={t('tracks.delete.label', { name })}>
        {t('tracks.delete.ok')}
      </Button>
    </Popconfirm>
  );
}
