import { useState } from 'react';
import { Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AudioDepositListItem } from '../../../../src/deposit/audio-deposit.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAgency } from '../agency/use-agency';
import { PAGE_SIZE } from './api';
import { useAudioDeposits } from './audio-api';
import { formatBytes } from './format-bytes';

/**
 * 影音檔送存紀錄 on the deposit desk: every audio deposit, newest first, each with its BagIt bag
 * (a plain link: the zip streams from the server as an attachment, with the session cookie).
 */
export function AudioDepositsTable() {
  const { t } = useTranslation('deposit');
  const { formatDate } = useAgency();
  const [page, setPage] = useState(1);
  const deposits = useAudioDeposits(page);

  const columns: TableColumnsType<AudioDepositListItem> = [
    {
      title: t('columns.album'),
      dataIndex: 'title',
      render: (_value, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/review/${encodeURIComponent(row.albumId)}`}>{row.title === '' ? '—' : row.title}</Link>
          <Typography.Text type="secondary">{row.albumNumber}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('columns.registrant'),
      dataIndex: 'registrantName',
      render: (_value, row) => <Link to={`/admin/registrants/${encodeURIComponent(row.registrantId)}`}>{row.registrantName}</Link>,
    },
    { title: t('desk.depositedOn'), dataIndex: 'depositedAt', render: (_value, row) => formatDate(row.depositedAt) },
    {
      title: t('desk.files'),
      key: 'files',
      render: (_value, row) => t('desk.filesCount', { count: row.fileCount, size: formatBytes(row.totalBytes) }),
    },
    {
      title: t('desk.bag'),
      key: 'bag',
      render: (_value, row) => (
        <a href={row.bagUrl} download aria-label={t('desk.downloadBagFor', { title: row.title === '' ? String(row.albumNumber) : row.title })}>
          <DownloadOutlined aria-hidden /> {t('desk.downloadBag')}
        </a>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph>{t('desk.audioIntro')}</Typography.Paragraph>
      {deposits.isError ? <ErrorAlert error={deposits.error} onRetry={() => void deposits.refetch()} /> : null}
      <Table<AudioDepositListItem>
        rowKey="id"
        columns={columns}
        dataSource={deposits.data?.items ?? []}
        loading={deposits.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('desk.audioEmpty')} /> }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: deposits.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
      />
    </>
  );
}
