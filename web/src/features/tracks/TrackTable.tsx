import { CheckCircleFilled } from '@ant-design/icons';
import { Empty, Grid, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse, AlbumTrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import { AudioCell } from '../media/AudioCell';
import { DeleteTrackButton } from './DeleteTrackButton';
import { trackPagePath } from './paths';

/** 完成: a check mark with words for screen readers; nothing to see but the words when not done. */
function DoneMark({ done }: { done: boolean }) {
  const { t } = useTranslation();
  return done ? (
    <>
      <CheckCircleFilled style={{ color: '#237804', fontSize: 16 }} aria-hidden />
      <span className="visually-hidden">{t('tracks.done')}</span>
    </>
  ) : (
    <Typography.Text type="secondary">
      <span aria-hidden>—</span>
      <span className="visually-hidden">{t('tracks.notDone')}</span>
    </Typography.Text>
  );
}

/** #, 完成, 引用, ISRC, 名稱, 上傳檔案 (the audio: upload, player, technical data), 操作 — the guide's track table. */
export function TrackTable({ album, canEdit, uploadAllowed }: { album: AlbumResponse; canEdit: boolean; uploadAllowed: boolean }) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('review');
  // On a phone the audio (player, upload) gets a full-width line under its track instead of a column off to the side.
  const narrow = Grid.useBreakpoint().md === false;

  const isrcText = (track: AlbumTrackResponse) => {
    if (track.recording.isrcDisplay !== null) {
      return <span style={{ whiteSpace: 'nowrap' }}>{track.recording.isrcDisplay}</span>;
    }
    return <Typography.Text type="secondary">{album.isrcAssignedOnSubmission ? t('tracks.isrcOnSubmission') : t('tracks.noIsrc')}</Typography.Text>;
  };
  const titleOf = (track: AlbumTrackResponse) => track.recording.title || t('tracks.untitled', { position: track.position });
  const audioCell = (row: AlbumTrackResponse) => <AudioCell albumId={album.id} track={row} name={titleOf(row)} uploadAllowed={uploadAllowed} />;

  // 退回: the officer's reason for a track stands beside it until the album is submitted again.
  const reasons = new Map((album.returnTrackReasons ?? []).map((r) => [r.trackId, r.reason]));
  const columns: TableColumnsType<AlbumTrackResponse> = [
    { title: '#', dataIndex: 'position', width: 48 },
    { title: t('tracks.fields.done'), key: 'done', width: 64, render: (_value, row) => <DoneMark done={row.done} /> },
    { title: t('tracks.fields.cited'), key: 'cited', width: 64, render: (_value, row) => t(row.cited ? 'common.yes' : 'common.no') },
    { title: t('tracks.fields.isrc'), key: 'isrc', render: (_value, row) => isrcText(row) },
    {
      title: t('tracks.fields.name'),
      key: 'title',
      render: (_value, row) => <Link to={trackPagePath(album.id, row.id)}>{titleOf(row)}</Link>,
    },
    ...(reasons.size === 0
      ? []
      : [
          {
            title: tr('registrant.heading'),
            key: 'returnReason',
            render: (_value: unknown, row: AlbumTrackResponse) => <span style={{ color: '#a8071a' }}>{reasons.get(row.id) ?? ''}</span>,
          },
        ]),
    ...(narrow
      ? []
      : [
          {
            title: t('tracks.fields.file'),
            key: 'file',
            render: (_value: unknown, row: AlbumTrackResponse) => audioCell(row),
          },
        ]),
    {
      title: t('common.actions'),
      key: 'actions',
      // Kept in view on a narrow screen while the other columns scroll.
      fixed: 'right',
      render: (_value, row) => (
        <Space wrap>
          <Link
            to={trackPagePath(album.id, row.id)}
            aria-label={t(canEdit && !row.cited ? 'tracks.editLabel' : 'tracks.viewLabel', { name: titleOf(row) })}
          >
            {t(canEdit && !row.cited ? 'tracks.edit' : 'tracks.view')}
          </Link>
          {canEdit ? <DeleteTrackButton albumId={album.id} track={row} name={titleOf(row)} /> : null}
        </Space>
      ),
    },
  ];

  return (
    <Table<AlbumTrackResponse>
      rowKey="id"
      columns={columns}
      dataSource={album.tracks}
      pagination={album.tracks.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      expandable={
        narrow ? { expandedRowRender: audioCell, expandedRowKeys: album.tracks.map((track) => track.id), showExpandColumn: false } : undefined
      }
      locale={{ emptyText: <Empty description={canEdit ? t('tracks.empty') : t('tracks.emptyReadOnly')} /> }}
    />
  );
}
