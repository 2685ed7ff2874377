import { Button, Card, Flex, Form, Select, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RELEASE_TYPES } from '../../../../src/catalog/vocabularies.js';
import { DayRangePicker } from '../../components/DayRangePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isCalendarDay } from '../../lib/calendar-day';
import { termLabel, useCatalogLocale } from '../albums/catalog-locale';
import { PageTitle } from '../../components/PageTitle';
import { useReviewQueue, type QueueFilter } from './api';
import { QueueTable } from './QueueTable';
import { TodoSummary } from './TodoSummary';

const KINDS = ['company', 'individual', 'government'] as const;
const RELEASES = ['digital', 'physical'] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/** Filters and page live in the URL, so Back and shared links keep them. */
function readFilter(params: URLSearchParams): QueueFilter {
  const page = Number(params.get('page'));
  const date = (key: string) => {
    const v = params.get(key);
    return isCalendarDay(v) ? v : undefined;
  };
  const filter: QueueFilter = { page: Number.isInteger(page) && page > 0 ? page : 1 };
  const registrantId = params.get('registrantId');
  const registrantKind = oneOf(KINDS, params.get('registrantKind'));
  const releaseType = oneOf(RELEASES, params.get('releaseType'));
  const from = date('submittedFrom');
  const to = date('submittedTo');
  return {
    ...filter,
    ...(registrantId ? { registrantId } : {}),
    ...(registrantKind ? { registrantKind } : {}),
    ...(releaseType ? { releaseType } : {}),
    ...(from ? { submittedFrom: from } : {}),
    ...(to ? { submittedTo: to } : {}),
  };
}

function toParams(filter: QueueFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && !(key === 'page' && value === 1)) {
      out[key] = String(value);
    }
  }
  return out;
}

/** /review — the officer's home: 待辦事項 and the queue of albums waiting for review. */
export function ReviewQueuePage() {
  const { t } = useTranslation('review');
  const [params, setParams] = useSearchParams();
  const locale = useCatalogLocale();
  const filter = readFilter(params);
  const queue = useReviewQueue(filter);
  const set = (patch: Partial<QueueFilter>) => setParams(toParams({ ...filter, ...patch, page: patch.page ?? 1 }));
  const filtered = Object.keys(filter).some((key) => key !== 'page');
  const counts = queue.data?.counts;
  const registrantName = queue.data?.items[0]?.registrantName ?? filter.registrantId;

  return (
    <>
      <PageTitle title={t('title')} />
      <TodoSummary />
      <Card>
        <h2 style={{ fontSize: 18, marginTop: 0 }}>{t('queue.heading')}</h2>
        <Form layout="inline" aria-label={t('queue.filters')} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item label={t('queue.registrantKind')} htmlFor="queue-kind">
            <Select
              id="queue-kind"
              style={{ width: 140 }}
              value={filter.registrantKind ?? ''}
              onChange={(v: string) => set({ registrantKind: oneOf(KINDS, v) })}
              options={[{ value: '', label: t('queue.any') }, ...KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
            />
          </Form.Item>
          <Form.Item label={t('queue.releaseType')} htmlFor="queue-release">
            <Select
              id="queue-release"
              style={{ width: 140 }}
              value={filter.releaseType ?? ''}
              onChange={(v: string) => set({ releaseType: oneOf(RELEASES, v) })}
              options={[{ value: '', label: t('queue.any') }, ...RELEASES.map((r) => ({ value: r, label: termLabel(RELEASE_TYPES, r, locale) }))]}
            />
          </Form.Item>
          <Form.Item label={t('queue.submittedDate')} htmlFor="queue-submitted">
            <DayRangePicker
              id="queue-submitted"
              endLabel={t('queue.submittedTo')}
              value={{ from: filter.submittedFrom, to: filter.submittedTo }}
              onChange={(range) => set({ submittedFrom: range.from, submittedTo: range.to })}
            />
          </Form.Item>
          {filtered ? <Button onClick={() => setParams({})}>{t('queue.clear')}</Button> : null}
        </Form>
        {filter.registrantId !== undefined ? (
          <Tag closable onClose={() => set({ registrantId: undefined })} style={{ marginBottom: 8 }}>
            {t('queue.registrantFilter', { name: registrantName })}
          </Tag>
        ) : null}
        {counts !== undefined ? (
          <Flex vertical style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('queue.countsKind', counts.byKind)}</Typography.Text>
            <Typography.Text type="secondary">{t('queue.countsRelease', counts.byReleaseType)}</Typography.Text>
          </Flex>
        ) : null}
        {queue.isError ? <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
        <QueueTable data={queue.data} loading={queue.isFetching} filtered={filtered} onPageChange={(page) => set({ page })} />
      </Card>
    </>
  );
}
