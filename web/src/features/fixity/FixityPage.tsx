import { useState } from 'react';
import { App, Button, Empty, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { useAgency } from '../agency/use-agency';
import { formatDateTime } from '../notifications/format-time';
import { useFixityRun, useFixityRuns, useStartFixityRun } from './api';
import { FixityRunSummary } from './FixityRunSummary';
import { FixityRunsTable } from './FixityRunsTable';

/**
 * /admin/fixity — 保存檢核: start a run over every stored file, watch its bar, read the summary
 * and the files that failed with what each belongs to; past runs below.
 */
export function FixityPage() {
  const { t } = useTranslation('fixity');
  const { message } = App.useApp();
  const { timeZone } = useAgency();
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const runs = useFixityRuns(page);
  const latestId = page === 1 ? runs.data?.items[0]?.id : undefined;
  const shownId = chosen ?? latestId;
  const run = useFixityRun(shownId);
  const start = useStartFixityRun();
  const running = run.data?.status === 'running' || runs.data?.items.some((r) => r.status === 'running') === true;

  const onStart = () => {
    start.mutateAsync().then(
      (started) => {
        setChosen(started.id);
        setPage(1);
        void message.success(t('started'));
      },
      (error: unknown) => void message.error(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <>
      <PageTitle
        title={t('title')}
        extra={
          <Button type="primary" icon={<SafetyCertificateOutlined aria-hidden />} loading={start.isPending} disabled={running} onClick={onStart}>
            {t('start')}
          </Button>
        }
      />
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      {runs.isError ? <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      {run.isError ? <ErrorAlert error={run.error} onRetry={() => void run.refetch()} /> : null}
      <SectionCard title={t('latest')}>
        {run.data !== undefined ? (
          <>
            {chosen !== undefined && chosen !== latestId ? (
              <Typography.Paragraph type="secondary">{t('showing', { date: formatDateTime(run.data.startedAt, timeZone) })}</Typography.Paragraph>
            ) : null}
            <FixityRunSummary run={run.data} />
          </>
        ) : runs.data?.total === 0 ? (
          <Empty description={t('none')} />
        ) : null}
      </SectionCard>
      <SectionCard title={t('history')}>
        <FixityRunsTable
          data={runs.data}
          loading={runs.isFetching && runs.data === undefined}
          page={page}
          onPageChange={setPage}
          onView={setChosen}
        />
      </SectionCard>
    </>
  );
}
