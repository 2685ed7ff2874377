import { Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A track listed in the server's ALBUM_HAS_TRACKS answer. */
export interface BlockingTrack {
  id: string;
  position: number;
  title: string;
  isrc: string | null;
}

function isBlockingTrack(value: unknown): value is BlockingTrack {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return (
    typeof record['id'] === 'string' &&
    typeof record['position'] === 'number' &&
    typeof record['title'] === 'string' &&
    (typeof record['isrc'] === 'string' || record['isrc'] === null)
  );
}

export function readBlockingTracks(details: Readonly<Record<string, unknown>>): BlockingTrack[] {
  const tracks = details['tracks'];
  return Array.isArray(tracks) ? tracks.filter(isBlockingTrack) : [];
}

interface Props {
  name: string;
  tracks: BlockingTrack[] | null;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The album still has tracks: lists them and offers 「先刪除這些曲目」 (then the album). */
export function HasTracksModal({ name, tracks, pending, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={tracks !== null}
      title={t('albums.delete.hasTracksTitle', { name })}
      okText={t('albums.delete.tracksFirst')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={onConfirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('albums.delete.hasTracksText', { count: tracks?.length ?? 0 })}</Typography.Paragraph>
      <Table<BlockingTrack>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={tracks ?? []}
        columns={[
          { title: '#', dataIndex: 'position' },
          { title: t('tracks.fields.name'), dataIndex: 'title', render: (_value, row) => row.title || '—' },
          { title: 'ISRC', dataIndex: 'isrc', render: (_value, row) => row.isrc ?? '—' },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('albums.delete.isrcStaysUsed')}
      </Typography.Paragraph>
    </Modal>
  );
}
