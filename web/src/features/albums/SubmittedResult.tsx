import { Button, Result, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse, TrackResponse } from '../../../../src/catalog/catalog.schemas.js';

/** 已送出審核: the tracks with the ISRCs they now have (individuals see their new codes here). */
export function SubmittedResult({ album, onClose }: { album: AlbumResponse; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('submission.doneTitle')}
      subTitle={t(album.isrcAssignedOnSubmission ? 'submission.doneTextIndividual' : 'submission.doneText')}
      extra={[
        <Button key="view" type="primary" onClick={onClose}>
          {t('submission.viewAlbum')}
        </Button>,
        <Link key="list" to="/albums">
          {t('albums.backToList')}
        </Link>,
      ]}
    >
      <Typography.Paragraph strong>{t('submission.assignedIsrcs')}</Typography.Paragraph>
      <Table<TrackResponse>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={album.tracks}
        columns={[
          { title: '#', dataIndex: 'position' },
          { title: t('tracks.fields.name'), key: 'title', render: (_value, row) => row.recording.title || '—' },
          {
            title: t('tracks.fields.isrc'),
            key: 'isrc',
            render: (_value, row) => <Typography.Text strong>{row.recording.isrcDisplay ?? '—'}</Typography.Text>,
          },
        ]}
      />
    </Result>
  );
}
