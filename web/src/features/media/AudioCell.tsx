import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRemoveAudio } from './api';
import type { AlbumTrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import { AudioDetails } from './AudioDetails';
import { FilePickButton } from './FilePickButton';
import { singleFileProblem } from './file-match';
import { useAlbumUploads, useUploadItems } from './upload-context';
import { FINISHED_PHASES } from './upload-queue';
import { UploadProgress } from './UploadProgress';

/**
 * 上傳檔案 of one track: the stored audio (technical data, warnings, player), 上傳音檔 / 更換 / 移除,
 * the bar of a running upload, and a refusal in the server's words beside the track.
 */
export function AudioCell({
  albumId,
  track,
  name,
  uploadAllowed,
}: {
  albumId: string;
  track: AlbumTrackResponse;
  name: string;
  uploadAllowed: boolean;
}) {
  const { t } = useTranslation('media');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { queue } = useAlbumUploads();
  const items = useUploadItems().filter((item) => item.trackId === track.id);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = useRemoveAudio(albumId);
  const { audio } = track;
  const active = items.find((item) => !FINISHED_PHASES.includes(item.phase));
  const refusals = items.filter((item) => item.batchId === null && (item.phase === 'refused' || item.phase === 'failed'));
  const canUpload = uploadAllowed && track.audioReplaceable && active === undefined;
  const removable = uploadAllowed && audio !== null && track.audioReplaceable && active === undefined;

  const onFiles = ([file]: File[]) => {
    if (file === undefined) {
      return;
    }
    const found = singleFileProblem(file);
    if (found !== null) {
      setProblem(t(`problem.${found}`));
      return;
    }
    setProblem(null);
    for (const old of refusals) {
      queue.dismiss(old.id);
    }
    queue.add([{ file, trackId: track.id }]);
  };

  return (
    <div className="audio-cell">
      {audio !== null ? (
        <AudioDetails audio={audio} name={name} />
      ) : active === undefined ? (
        <Typography.Text type="secondary">{t('noAudio')}</Typography.Text>
      ) : null}
      {active === undefined ? null : (
        <>
          <UploadProgress item={active} showName />
          {active.batchId !== null ? null : (
            <Space wrap size="small">
              {active.phase === 'paused' || active.phase === 'interrupted' ? (
                <Button size="small" onClick={() => queue.resume({ id: active.id })}>
                  {t('actions.resume')}
                </Button>
              ) : active.phase === 'processing' ? null : (
                <Button size="small" onClick={() => queue.pause({ id: active.id })}>
                  {t('actions.pause')}
                </Button>
              )}
              {active.phase === 'processing' ? null : (
                <Button size="small" aria-label={t('actions.cancelLabel', { file: active.fileName })} onClick={() => void queue.cancel(active.id)}>
                  {t('actions.cancel')}
                </Button>
              )}
            </Space>
          )}
        </>
      )}
      {problem === null ? null : <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} />}
      {refusals.map((item) => (
        <Alert
          key={item.id}
          type="error"
          showIcon
          title={t('errors.refused', { file: item.fileName, message: item.error ?? t('errors.noMessage') })}
          closable={{ onClose: () => queue.dismiss(item.id), 'aria-label': t('actions.dismissLabel', { file: item.fileName }) }}
        />
      ))}
      {canUpload || removable ? (
        <Space wrap size="small">
          {canUpload ? (
            <FilePickButton
              text={audio === null ? t('upload') : t('replace')}
              label={t(audio === null ? 'uploadLabel' : 'replaceLabel', { name })}
              onFiles={onFiles}
            />
          ) : null}
          {removable && audio !== null ? (
            <Popconfirm
              title={t('removeConfirm', { name, file: audio.fileName })}
              description={t('removeEffect')}
              okText={t('remove')}
              cancelText={tc('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                remove.mutate(track.id, {
                  onSuccess: () => void message.success(t('removed', { name })),
                  onError: (error) => void message.error(error.message),
                })
              }
            >
              <Button size="small" danger loading={remove.isPending} aria-label={t('removeLabel', { name })}>
                {t('remove')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ) : null}
      {canUpload && audio === null ? (
        <Typography.Text type="secondary" className="audio-cell-hint">
          {t('formatHint')}
        </Typography.Text>
      ) : null}
    </div>
  );
}
