import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { useChangeRequestList } from './api';
import { ChangeRequestTable } from './ChangeRequestTable';

/** On the staff's registrant page: the registrant's change requests, before → after and decisions. */
export function ChangeHistorySection({ registrantId }: { registrantId: string }) {
  const { t } = useTranslation('changeRequests');
  const [page, setPage] = useState(1);
  const list = useChangeRequestList({ page, registrantId });
  return (
    <SectionCard title={t('history.heading')}>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <ChangeRequestTable data={list.data} loading={list.isFetching} emptyText={t('history.empty')} onPageChange={setPage} staff />
    </SectionCard>
  );
}
