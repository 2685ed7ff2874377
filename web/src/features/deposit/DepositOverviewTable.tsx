import { Button, Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import { ExclamationCircleFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OverviewPage, OverviewRow } from '../../../../src/deposit/deposit.schemas.js';
import { DepositStatusTag } from '../albums/AlbumTags';
import { PAGE_SIZE, showDate } from './api';

interface Props {
  data: OverviewPage | undefined;
  loading: boolean;
  filtered: boolean;
  page: number;
  onPageChange: (page: number) => void;
  onRecord: (row: OverviewRow) => void;
}

/** Dark red on white: 逾期 is said in words and with an icon, never by colour alone. */
const OVERDUE_COLOUR = '#a8071a';

export function DepositOverviewTable({ data, loading, filtered, page, onPageChange, onRecord }: Props) {
  const { t } = useTranslation('deposit');
  const { t: tc } = useTranslation();

  const columns: TableColumnsType<OverviewRow> = [
    {
      title: t('columns.album'),
      dataIndex: 'title',
      render: (_value, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/albums/${encodeURIComponent(row.albumId)}`}>{row.title === '' ? '—' : row.title}</Link>
          <Typography.Text type="secondary">{row.albumNumber}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('columns.registrant'),
      dataIndex: 'registrantName',
      render: (_value, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/admin/registrants/${encodeURIComponent(row.registrantId)}`}>{row.registrantName}</Link>
          <Typography.Text type="secondary">{tc(`registrantKind.${row.registrantKind}`)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('columns.approvedOn'), dataIndex: 'approvedOn', render: (_value, row) => showDate(row.approvedOn) },
    {
      title: t('columns.daysWaiting'),
      dataIndex: 'daysWaiting',
      render: (_value, row) => (
        <Space size={6} wrap>
          <span>{t('daysWaiting', { days: row.daysWaiting })}</span>
          {row.overdue ? (
            <span style={{ color: OVERDUE_COLOUR, fontWeight: 600 }}>
              <ExclamationCircleFilled aria-hidden /> {t('overdue')}
            </span>
          ) : null}
        </Space>
      ),
    },
    { title: t('columns.basis'), dataIndex: 'basis', render: (_value, row) => t(`basis.${row.basis}`) },
    {
      title: t('columns.copies'),
      key: 'copies',
      render: (_value, row) =>
        row.basis === 'audio'
          ? t('desk.audioProgress', { done: row.tracksWithAudio, total: row.tracks })
          : `${row.receivedCopies} / ${row.requiredCopies}`,
    },
    {
      title: t('columns.sent'),
      key: 'sent',
      render: (_value, row) =>
        row.basis === 'audio'
          ? '—'
          : row.lastSentOn === null
            ? t('notSent')
            : t('sentOn', { date: showDate(row.lastSentOn), copies: row.sentCopies }),
    },
    { title: t('columns.status'), dataIndex: 'status', render: (_value, row) => <DepositStatusTag status={row.status} /> },
    {
      title: t('columns.actions'),
      key: 'actions',
      render: (_value, row) =>
        row.basis === 'audio' ? (
          <Typography.Text type="secondary">{t('desk.awaitingRegistrant')}</Typography.Text>
        ) : (
          <Button size="small" onClick={() => onRecord(row)} aria-label={`${t('recordReceived')}：${row.title}`}>
            {t('recordReceived')}
          </Button>
        ),
    },
  ];

  return (
    <Table<OverviewRow>
      rowKey="albumId"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={filtered ? t('emptyFiltered') : t('empty')} /> }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: data?.total ?? 0,
        showSizeChanger: false,
        onChange: onPageChange,
        hideOnSinglePage: false,
      }}
    />
  );
}
