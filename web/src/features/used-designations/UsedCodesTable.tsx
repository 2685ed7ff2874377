import { Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UsedCode, UsedCodeStatus, UsedCodesPage } from '../../../../src/used-designations/used-designations.schemas.js';
import { PAGE_SIZE } from './api';

/** Status in words on AA-contrast colours, never colour alone. */
const STATUS_STYLE: Record<UsedCodeStatus, { color: string; background: string; borderColor: string }> = {
  onRecording: { color: '#1e6b2f', background: '#e8f5e9', borderColor: '#9fd3a8' },
  reserved: { color: '#0444a8', background: '#e6f4ff', borderColor: '#91caff' },
};

interface Props {
  data: UsedCodesPage | undefined;
  staff: boolean;
  loading: boolean;
  page: number;
  onPageChange: (page: number) => void;
}

/** 編號明細: each code of the year with its recording and album, 10 a page. */
export function UsedCodesTable({ data, staff, loading, page, onPageChange }: Props) {
  const { t } = useTranslation('usedDesignations');
  // Members open the album they own; staff open the album in the review workspace.
  const albumLink = (album: NonNullable<UsedCode['album']>) =>
    staff ? `/review/${encodeURIComponent(album.id)}` : `/albums/${encodeURIComponent(album.id)}`;
  const trackLink = (album: NonNullable<UsedCode['album']>) =>
    staff ? `/review/${encodeURIComponent(album.id)}` : `/albums/${encodeURIComponent(album.id)}/tracks/${encodeURIComponent(album.trackId)}`;

  const columns: TableColumnsType<UsedCode> = [
    {
      title: t('codes.isrc'),
      dataIndex: 'display',
      render: (_value, row) => (
        <Flex gap={6} wrap align="center">
          <span className="isrc">{row.display}</span>
          {row.source === 'manual' ? <Typography.Text type="secondary">（{t('codes.manual')}）</Typography.Text> : null}
        </Flex>
      ),
    },
    ...(staff
      ? [
          {
            title: t('codes.registrant'),
            key: 'registrant',
            render: (_value: unknown, row: UsedCode) => (
              <Link to={`/admin/registrants/${encodeURIComponent(row.registrant.id)}`}>{row.registrant.name}</Link>
            ),
          },
        ]
      : []),
    {
      title: t('codes.status'),
      dataIndex: 'status',
      render: (_value, row) => <Tag style={STATUS_STYLE[row.status]}>{t(`codes.${row.status}`)}</Tag>,
    },
    {
      title: t('codes.recording'),
      key: 'recording',
      render: (_value, row) =>
        row.recording === null ? (
          <Typography.Text type="secondary">{t('codes.noRecording')}</Typography.Text>
        ) : row.album === null ? (
          row.recording.title || '—'
        ) : (
          <Link to={trackLink(row.album)}>{row.recording.title || '—'}</Link>
        ),
    },
    {
      title: t('codes.album'),
      key: 'album',
      render: (_value, row) =>
        row.album === null ? (
          '—'
        ) : (
          <Flex vertical>
            <Link to={albumLink(row.album)}>{row.album.title || '—'}</Link>
            <Typography.Text type="secondary">{t('codes.albumNumber', { number: row.album.albumNumber })}</Typography.Text>
          </Flex>
        ),
    },
  ];

  return (
    <section aria-labelledby="used-codes-heading">
      <Typography.Title level={2} id="used-codes-heading" style={{ fontSize: 18 }}>
        {t('codes.heading')}
      </Typography.Title>
      <Table<UsedCode>
        rowKey="isrc"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('codes.total', { total }),
          onChange: onPageChange,
        }}
        locale={{ emptyText: <Empty description={t('codes.empty')} /> }}
        scroll={{ x: 'max-content' }}
      />
    </section>
  );
}
