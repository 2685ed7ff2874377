import { useRef, useState, type ChangeEvent } from 'react';
import { App, Button, Flex, Form, Popconfirm, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { COVER_ACCEPT } from '../../../../src/media/covers.schemas.js';
import { useAlbumName } from './album-name';
import { useRemoveCover, useUploadCover, type UploadProgress } from './cover-api';
import { coverFileProblem, formatBytes } from './cover-check';

const INPUT_ID = 'album_cover';

/**
 * 專輯封面 in the album form: choose a JPG, PNG or GIF (checked for type and size before it is
 * sent), watch it upload, see the thumbnail, remove it. The cover is saved at once, apart from
 * 儲存修改. Read-only albums show the cover alone.
 */
export function CoverField({ album, readOnly }: { album: AlbumResponse; readOnly: boolean }) {
  const { t } = useTranslation('covers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const albumName = useAlbumName();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadCover(album.id);
  const remove = useRemoveCover(album.id);
  const [error, setError] = useState<string | undefined>();
  const [progress, setProgress] = useState<(UploadProgress & { name: string }) | undefined>();
  const { cover } = album;
  const busy = upload.isPending || remove.isPending;

  const onChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Choosing the same file again must fire another change.
    event.target.value = '';
    if (file === undefined) {
      return;
    }
    const problem = coverFileProblem(file);
    if (problem !== undefined) {
      setError(t(`field.${problem}`));
      return;
    }
    setError(undefined);
    setProgress({ name: file.name, loaded: 0, total: file.size });
    try {
      await upload.mutateAsync({ file, onProgress: (p) => setProgress({ name: file.name, ...p }) });
      void message.success(t('field.uploaded'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setProgress(undefined);
    }
  };

  const onRemove = async () => {
    setError(undefined);
    try {
      await remove.mutateAsync();
      void message.success(t('field.removed'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const percent = progress === undefined || progress.total === 0 ? 0 : Math.round((progress.loaded / progress.total) * 100);

  return (
    <Form.Item
      label={tc('albums.fields.cover')}
      htmlFor={readOnly ? undefined : INPUT_ID}
      validateStatus={error === undefined ? undefined : 'error'}
      help={error}
      extra={readOnly ? undefined : t('field.help')}
    >
      <Flex gap="middle" align="flex-start" wrap>
        {cover === null ? (
          readOnly ? (
            <Typography.Text type="secondary">{t('field.none')}</Typography.Text>
          ) : null
        ) : (
          <figure className="cover-preview">
            <img src={cover.thumbnailUrl} alt={t('field.previewAlt', { title: albumName(album) })} />
            <figcaption>{t('field.details', { width: cover.width, height: cover.height, size: formatBytes(cover.size) })}</figcaption>
          </figure>
        )}
        {readOnly ? null : (
          <Flex vertical gap="small" style={{ minWidth: 220 }}>
            <input ref={input} id={INPUT_ID} type="file" accept={COVER_ACCEPT} style={{ display: 'none' }} onChange={(e) => void onChosen(e)} />
            <Flex gap="small" wrap>
              <Button onClick={() => input.current?.click()} loading={upload.isPending} disabled={busy}>
                {cover === null ? t('field.choose') : t('field.replace')}
              </Button>
              {cover === null ? null : (
                <Popconfirm
                  title={t('field.removeConfirm')}
                  description={t('field.removeEffect')}
                  okText={t('field.remove')}
                  okButtonProps={{ danger: true }}
                  cancelText={tc('common.cancel')}
                  onConfirm={() => void onRemove()}
                >
                  <Button danger aria-label={t('field.removeLabel')} loading={remove.isPending} disabled={busy}>
                    {t('field.remove')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
            {progress === undefined ? null : (
              <div>
                <Typography.Text>{t('field.uploading', { name: progress.name })}</Typography.Text>
                <Progress
                  percent={percent}
                  size="small"
                  aria-label={t('field.progressLabel')}
                  format={() => t('field.progressText', { done: formatBytes(progress.loaded), total: formatBytes(progress.total) })}
                />
              </div>
            )}
          </Flex>
        )}
      </Flex>
    </Form.Item>
  );
}
