import { Descriptions, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobListResponse, JobResponse } from '../../../../src/jobs/jobs.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { useAgency } from '../agency/use-agency';
import { formatDateTime } from '../notifications/format-time';
import { useJobs } from './api';

type JobState = JobResponse['state'];
const STATES: readonly JobState[] = ['queued', 'running', 'retrying', 'failed'];
const STATE_COLORS: Record<JobState, string> = { queued: 'default', running: 'processing', retrying: 'warning', failed: 'error' };
const KNOWN_TASKS = ['fixity-run', 'mail-deliver', 'orphan-sweep'] as const;
type KnownTask = (typeof KNOWN_TASKS)[number];
const isKnownTask = (task: string): task is KnownTask => (KNOWN_TASKS as readonly string[]).includes(task);

function StateTag({ state }: { state: JobState }) {
  const { t } = useTranslation('jobs');
  return <Tag color={STATE_COLORS[state]}>{t(`state.${state}`)}</Tag>;
}

/**
 * /admin/jobs — 背景工作 (administrators): the background jobs waiting, running, retrying after a
 * failure and failed for good, with their attempts and last error.
 */
export function JobsPage() {
  const { t } = useTranslation('jobs');
  const { timeZone } = useAgency();
  const jobs = useJobs();
  const data: JobListResponse | undefined = jobs.data;
  // A task this page has no name for (added later) shows as the server names it.
  const taskName = (task: string): string => (isKnownTask(task) ? t(`task.${task}`) : task);

  const columns: TableColumnsType<JobResponse> = [
    { title: t('columns.task'), dataIndex: 'task', render: (_v, job) => taskName(job.task) },
    { title: t('columns.state'), dataIndex: 'state', render: (_v, job) => <StateTag state={job.state} /> },
    { title: t('columns.attempts'), key: 'attempts', render: (_v, job) => `${job.attempts} / ${job.maxAttempts}` },
    { title: t('columns.runAt'), dataIndex: 'runAt', render: (_v, job) => formatDateTime(job.runAt, timeZone) },
    { title: t('columns.lastError'), dataIndex: 'lastError', render: (_v, job) => job.lastError ?? '—' },
  ];

  return (
    <>
      <PageTitle title={t('title')} />
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      {jobs.isError ? <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} /> : null}
      <SectionCard title={t('summary')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 5 }}
          items={[
            { key: 'runner', label: t('runnerLabel'), children: data === undefined ? '—' : t(`runner.${data.runner}`) },
            ...STATES.map((state) => ({ key: state, label: t(`state.${state}`), children: data?.depth[state] ?? '—' })),
          ]}
        />
      </SectionCard>
      <SectionCard title={t('list')}>
        <Table<JobResponse>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={jobs.isFetching && data === undefined}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: <Empty description={t('empty')} /> }}
        />
      </SectionCard>
    </>
  );
}
