import { Alert, Descriptions, Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FixityRunDetail } from '../../../../src/fixity/fixity.schemas.js';
import { useAgency } from '../agency/use-agency';
import { formatDateTime } from '../notifications/format-time';
import { FixityFailuresTable } from './FixityFailuresTable';

const STATUS_STYLE = {
  running: { color: '#0958d9', background: '#e6f4ff', borderColor: '#91caff' },
  done: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  failed: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
} as const;

export function FixityStatusTag({ status }: { status: FixityRunDetail['status'] }) {
  const { t } = useTranslation('fixity');
  return <Tag style={STATUS_STYLE[status]}>{t(`status.${status}`)}</Tag>;
}

/** One run: its bar while it goes on, then its counters, and the files that failed. */
export function FixityRunSummary({ run }: { run: FixityRunDetail }) {
  const { t } = useTranslation('fixity');
  const { timeZone } = useAgency();
  const percent = Math.floor(run.progress * 100);
  const problems = run.failed + run.missing;
  return (
    <>
      <Progress
        percent={percent}
        status={run.status === 'running' ? 'active' : run.status === 'failed' || problems > 0 ? 'exception' : 'success'}
        aria-label={t('progressLabel')}
        aria-valuetext={t('progress', { checked: run.objectsChecked, total: run.objectsTotal })}
      />
      <p aria-live="polite">{t('progress', { checked: run.objectsChecked, total: run.objectsTotal })}</p>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'status', label: t('fields.status'), children: <FixityStatusTag status={run.status} /> },
          { key: 'startedAt', label: t('fields.startedAt'), children: formatDateTime(run.startedAt, timeZone) },
          { key: 'finishedAt', label: t('fields.finishedAt'), children: run.finishedAt === null ? '—' : formatDateTime(run.finishedAt, timeZone) },
          { key: 'startedBy', label: t('fields.startedBy'), children: run.startedBy ?? t('cli') },
          { key: 'passed', label: t('fields.passed'), children: t('count', { count: run.passed }) },
          { key: 'failed', label: t('fields.failed'), children: t('count', { count: run.failed }) },
          { key: 'missing', label: t('fields.missing'), children: t('count', { count: run.missing }) },
          { key: 'agent', label: t('fields.agent'), children: run.agent ?? '—' },
          ...(run.error === null ? [] : [{ key: 'error', label: t('fields.error'), children: run.error }]),
        ]}
      />
      {run.status === 'done' && problems === 0 ? <Alert type="success" showIcon title={t('allPassed')} style={{ margin: '12px 0' }} /> : null}
      {problems > 0 ? (
        <>
          <Alert type="error" showIcon title={t('problems', { count: problems })} style={{ margin: '12px 0' }} />
          <h3 style={{ fontSize: 16 }}>{t('failures')}</h3>
          <FixityFailuresTable failures={run.failures} />
        </>
      ) : null}
    </>
  );
}
