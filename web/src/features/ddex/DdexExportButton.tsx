import { useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { downloadAlbumDdex } from './api';

/** 匯出 DDEX on an approved album's page: an ERN 4.3 NewReleaseMessage for distributors. Nothing for other albums. */
export function DdexExportButton({ album }: { album: Pick<AlbumResponse, 'id' | 'albumNumber' | 'status'> }) {
  const { t } = useTranslation('ddex');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (album.status !== 'approved') {
    return null;
  }
  const download = async () => {
    setBusy(true);
    try {
      await downloadAlbumDdex(album.id, album.albumNumber);
    } catch (error) {
      void message.error(t('failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={t('hint')}>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
        {t('button')}
      </Button>
    </Tooltip>
  );
}
