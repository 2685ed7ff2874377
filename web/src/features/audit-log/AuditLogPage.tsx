import { useMemo, useState } from 'react';
import { App, Button, Card, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AUDIT_EXPORT_MAX_ROWS } from '../../../../src/audit/audit.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { downloadExport } from '../../lib/download';
import { useAuditLog } from './api';
import { auditFilterParams, readAuditFilter, type AuditFilter } from './audit-filter';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import './audit-log.css';

/** 稽核紀錄: who changed what, filtered, page by page; the same filter exports as CSV. */
export function AuditLogPage() {
  const { t } = useTranslation('auditLog');
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  // One object per URL: the filter form resets itself to it whenever it changes, so not on every render.
  const filter = useMemo(() => readAuditFilter(params), [params]);
  const log = useAuditLog(filter);
  const [exporting, setExporting] = useState(false);

  const setFilter = (next: Omit<AuditFilter, 'page'>) => setParams(auditFilterParams({ page: 1, ...next }));

  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadExport('/audit.csv', { ...filter, page: undefined }, 'audit-log.csv');
    } catch (error) {
      void message.error(t('filters.exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageTitle
        title={t('title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportCsv()}
            title={t('filters.exportHint', { max: AUDIT_EXPORT_MAX_ROWS.toLocaleString() })}
          >
            {t('filters.export')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card>
        <AuditFilters value={filter} onChange={setFilter} />
        {log.isError ? <ErrorAlert error={log.error} onRetry={() => void log.refetch()} /> : null}
        <AuditTable
          data={log.data}
          loading={log.isFetching}
          onPageChange={(page) => setParams(auditFilterParams({ ...filter, page }))}
          onPickActor={(actorUserId) => {
            setParams(auditFilterParams({ ...filter, actorLogin: undefined, actorUserId, page: 1 }));
          }}
        />
      </Card>
    </>
  );
}
