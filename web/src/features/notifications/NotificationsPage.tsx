import { Button, Card, Empty, Flex, Radio, Table, Tag, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationResponse } from '../../../../src/notifications/notifications.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useAgency } from '../agency/use-agency';
import { PAGE_SIZE, useMarkAllRead, useMarkRead, useNotifications, useUnreadCount, type NotificationFilter } from './api';
import { formatDateTime } from './format-time';
import './notifications.css';

/** Page and filter live in the URL, so Back keeps them. */
function readFilter(params: URLSearchParams): NotificationFilter {
  const page = Number(params.get('page'));
  return { page: Number.isInteger(page) && page > 0 ? page : 1, unreadOnly: params.get('show') === 'unread' };
}

/**
 * 通知: my notifications, newest first, ten a page. An unread one is marked with the word 未讀 and
 * bold text (not by colour alone); opening its object marks it read.
 */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const { timeZone } = useAgency();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const list = useNotifications(filter);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const setFilter = (next: NotificationFilter) =>
    setParams({ ...(next.page > 1 ? { page: String(next.page) } : {}), ...(next.unreadOnly ? { show: 'unread' } : {}) });
  const open = (row: NotificationResponse) => {
    if (row.readAt === null) {
      markRead.mutate(row.id);
    }
  };

  const columns: TableColumnsType<NotificationResponse> = [
    {
      title: t('columns.state'),
      dataIndex: 'readAt',
      width: 90,
      render: (_value, row) =>
        row.readAt === null ? <Tag color="blue">{t('unreadTag')}</Tag> : <span className="notification-read-state">{t('readState')}</span>,
    },
    {
      title: t('columns.message'),
      dataIndex: 'message',
      render: (_value, row) => (
        <Link
          to={row.path}
          onClick={() => open(row)}
          className={row.readAt === null ? 'notification-message notification-message--unread' : 'notification-message'}
        >
          {row.message}
        </Link>
      ),
    },
    { title: t('columns.createdAt'), dataIndex: 'createdAt', width: 160, render: (_value, row) => formatDateTime(row.createdAt, timeZone) },
    {
      title: t('columns.actions'),
      key: 'actions',
      width: 130,
      render: (_value, row) =>
        row.readAt === null ? (
          <Button size="small" onClick={() => markRead.mutate(row.id)} aria-label={t('markReadOf', { message: row.message })}>
            {t('markRead')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageTitle
        title={t('title')}
        extra={
          <Button onClick={() => markAll.mutate()} disabled={(unread.data ?? 0) === 0} loading={markAll.isPending}>
            {t('markAllRead')}
          </Button>
        }
      />
      <Card>
        <Flex align="center" gap="small" style={{ marginBottom: 16 }}>
          <span id="notification-filter-label">{t('filter')}</span>
          <Radio.Group
            aria-labelledby="notification-filter-label"
            optionType="button"
            value={filter.unreadOnly ? 'unread' : 'all'}
            onChange={(event) => setFilter({ page: 1, unreadOnly: event.target.value === 'unread' })}
            options={[
              { value: 'all', label: t('filterAll') },
              { value: 'unread', label: t('filterUnread') },
            ]}
          />
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {markRead.isError ? <ErrorAlert error={markRead.error} /> : null}
        {markAll.isError ? <ErrorAlert error={markAll.error} /> : null}
        <Table<NotificationResponse>
          rowKey="id"
          // On a phone the table scrolls sideways rather than squeezing the text to a few characters a line.
          scroll={{ x: 640 }}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          rowClassName={(row) => (row.readAt === null ? 'notification-row--unread' : '')}
          locale={{ emptyText: <Empty description={filter.unreadOnly ? t('emptyUnread') : t('empty')} /> }}
          pagination={{
            current: list.data?.page ?? filter.page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('total', { total }),
            onChange: (page) => setFilter({ ...filter, page }),
            hideOnSinglePage: false,
          }}
        />
      </Card>
    </>
  );
}
