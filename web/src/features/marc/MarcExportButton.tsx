import { useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { downloadAlbumMarc, MARC_FORMATS } from './api';

/** 匯出 MARC on an approved album's page: MARCXML or ISO 2709 for the national library. Nothing for other albums. */
export function MarcExportButton({ album }: { album: Pick<AlbumResponse, 'id' | 'albumNumber' | 'status'> }) {
  const { t } = useTranslation('marc');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (album.status !== 'approved') {
    return null;
  }
  const download = async (format: (typeof MARC_FORMATS)[number]) => {
    setBusy(true);
    try {
      await downloadAlbumMarc(album.id, album.albumNumber, format);
    } catch (error) {
      void message.error(t('failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: MARC_FORMATS.map((format) => ({ key: format, label: t(`formats.${format}`), icon: <DownloadOutlined /> })),
        onClick: ({ key }) => void download(key === 'mrc' ? 'mrc' : 'xml'),
      }}
    >
      <Button loading={busy} aria-haspopup="menu">
        {t('button')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
