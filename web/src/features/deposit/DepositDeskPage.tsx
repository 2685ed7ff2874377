import { useState } from 'react';
import { App, Button, Checkbox, Flex, Form, Select, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OverviewRow } from '../../../../src/deposit/deposit.schemas.js';
import { REGISTRANT_KINDS, type RegistrantKind } from '../../../../src/shared/enums.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { downloadOverview, useDepositOverview, type OverviewFilters } from './api';
import { AudioDepositsTable } from './AudioDepositsTable';
import { DepositOverviewTable } from './DepositOverviewTable';
import { RecordReceivedModal } from './RecordReceivedModal';
import { MarcRangeExport } from '../marc/MarcRangeExport';

const FORMATS = ['csv', 'xlsx'] as const;

/** /admin/deposits — 送存總覽 (albums owing deposit, overdue marked, exports, 登錄收件) and 影音檔送存紀錄 with BagIt bags. */
export function DepositDeskPage() {
  const { t } = useTranslation('deposit');
  const { t: tc } = useTranslation();
  const { t: tm } = useTranslation('marc');
  const { message } = App.useApp();
  const [filters, setFilters] = useState<OverviewFilters>({ overdue: false, kind: undefined });
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<OverviewRow | null>(null);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const overview = useDepositOverview(filters, page);

  const changeFilters = (next: Partial<OverviewFilters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setPage(1);
  };

  const exportAs = async (format: (typeof FORMATS)[number]) => {
    setBusy(format);
    try {
      await downloadOverview(format, filters);
    } catch (error) {
      void message.error(t('export.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(undefined);
    }
  };

  const overviewSection = (
    <>
      <Typography.Paragraph>{t('intro', { days: overview.data?.overdueDays ?? 30 })}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }} aria-label={t('filters.kind')}>
        <Flex gap="middle" wrap align="center">
          <Form.Item style={{ margin: 0 }}>
            <Checkbox checked={filters.overdue} onChange={(e) => changeFilters({ overdue: e.target.checked })}>
              {t('filters.overdueOnly')}
            </Checkbox>
          </Form.Item>
          <Form.Item label={t('filters.kind')} htmlFor="deposit-kind-filter" style={{ margin: 0 }}>
            <Select<RegistrantKind | 'all'>
              id="deposit-kind-filter"
              style={{ width: 160 }}
              value={filters.kind ?? 'all'}
              onChange={(value) => changeFilters({ kind: value === 'all' ? undefined : value })}
              options={[
                { value: 'all', label: t('filters.allKinds') },
                ...REGISTRANT_KINDS.map((kind) => ({ value: kind, label: tc(`registrantKind.${kind}`) })),
              ]}
            />
          </Form.Item>
        </Flex>
      </Form>
      {overview.isError ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      <DepositOverviewTable
        data={overview.data}
        loading={overview.isFetching}
        filtered={filters.overdue || filters.kind !== undefined}
        page={page}
        onPageChange={setPage}
        onRecord={setRecording}
      />
    </>
  );

  return (
    <>
      <PageTitle
        title={t('title')}
        extra={FORMATS.map((format) => (
          <Button key={format} icon={<DownloadOutlined />} loading={busy === format} onClick={() => void exportAs(format)}>
            {t(`export.${format}`)}
          </Button>
        ))}
      />
      <Tabs
        items={[
          { key: 'overview', label: t('desk.tabOverview'), children: overviewSection },
          { key: 'audio', label: t('desk.tabAudio'), children: <AudioDepositsTable /> },
          { key: 'marc', label: tm('range.tab'), children: <MarcRangeExport /> },
        ]}
      />
      <RecordReceivedModal row={recording} onClose={() => setRecording(null)} />
    </>
  );
}
