import { Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANGE_REQUEST_STATUSES, type ChangeRequestStatus } from '../../../../src/shared/enums.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useChangeRequestList } from './api';
import { ChangeRequestTable } from './ChangeRequestTable';

/** The officers' queue: pending requests, oldest first; decided ones on request. */
export function ChangeRequestDeskPage() {
  const { t } = useTranslation('changeRequests');
  const [status, setStatus] = useState<ChangeRequestStatus | 'all'>('pending');
  const [page, setPage] = useState(1);
  const list = useChangeRequestList({ page, status: status === 'all' ? undefined : status });
  return (
    <>
      <PageTitle title={t('desk.title')} />
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="change-request-status">{t('desk.statusFilter')}</label>
        <Select<ChangeRequestStatus | 'all'>
          id="change-request-status"
          style={{ width: 160 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={[...CHANGE_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })), { value: 'all' as const, label: t('desk.all') }]}
        />
      </Space>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <ChangeRequestTable data={list.data} loading={list.isFetching} emptyText={t('desk.empty')} onPageChange={setPage} staff showRegistrant />
    </>
  );
}
