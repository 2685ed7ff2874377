import { useState } from 'react';
import { App, Button, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FIRST_ISRC_YEAR, LAST_REPRESENTABLE_YEAR } from '../../../../src/isrc/year.js';
import { USED_CODE_STATUSES } from '../../../../src/used-designations/used-designations.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { useAgency } from '../agency/use-agency';
import { STAFF, hasRole, useMe } from '../auth/api';
import { downloadUsedCodes, useUsageSummary, useUsedCodes, type UsageFilters as Filters } from './api';
import { UsageFilters } from './UsageFilters';
import { UsageSummary } from './UsageSummary';
import { UsedCodesTable } from './UsedCodesTable';

const FORMATS = ['csv', 'xlsx'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters and page live in the URL, so Back and shared links keep them. */
function readFilters(params: URLSearchParams): { filters: Filters; page: number } {
  const year = Number(params.get('year'));
  const registrantId = params.get('registrantId') ?? '';
  const code = params.get('code') ?? '';
  const status = USED_CODE_STATUSES.find((s) => s === params.get('status'));
  const page = Number(params.get('page'));
  return {
    filters: {
      ...(Number.isInteger(year) && year >= FIRST_ISRC_YEAR && year <= LAST_REPRESENTABLE_YEAR ? { year } : {}),
      ...(UUID.test(registrantId) ? { registrantId } : {}),
      ...(/^[A-Z0-9]{3}$/.test(code) ? { registrantCode: code } : {}),
      ...(status === undefined ? {} : { status }),
    },
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function toParams(filters: Filters, page: number): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.year !== undefined) {
    out.year = String(filters.year);
  }
  if (filters.registrantId !== undefined) {
    out.registrantId = filters.registrantId;
  }
  if (filters.registrantCode !== undefined) {
    out.code = filters.registrantCode;
  }
  if (filters.status !== undefined) {
    out.status = filters.status;
  }
  if (page > 1) {
    out.page = String(page);
  }
  return out;
}

/** /used-designations — 年度使用編號查詢: registrants see their own codes, officers every registrant's. */
export function UsedDesignationsPage() {
  const { t } = useTranslation('usedDesignations');
  const { message } = App.useApp();
  const me = useMe();
  const { agencyYear } = useAgency();
  const staff = hasRole(me.data, STAFF);
  const [urlParams, setUrlParams] = useSearchParams();
  const { filters, page } = readFilters(urlParams);
  const summary = useUsageSummary(filters, me.data !== undefined);
  const codes = useUsedCodes(filters, page, me.data !== undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);

  const change = (next: Filters) => setUrlParams(toParams(next, 1));
  const exportAs = async (format: (typeof FORMATS)[number]) => {
    setBusy(format);
    try {
      await downloadUsedCodes(format, filters);
    } catch (error) {
      void message.error(t('export.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(undefined);
    }
  };

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
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      {staff ? <Typography.Paragraph>{t('introStaff')}</Typography.Paragraph> : null}
      <UsageFilters value={filters} currentYear={summary.data?.currentYear ?? agencyYear()} staff={staff} onChange={change} />
      {summary.isError ? <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {summary.data === undefined ? (
        summary.isError ? null : (
          <PageLoading />
        )
      ) : (
        <UsageSummary data={summary.data} staff={staff} loading={summary.isFetching} />
      )}
      {codes.isError ? <ErrorAlert error={codes.error} onRetry={() => void codes.refetch()} /> : null}
      <UsedCodesTable
        data={codes.data}
        staff={staff}
        loading={codes.isFetching}
        page={page}
        onPageChange={(next) => setUrlParams(toParams(filters, next))}
      />
    </>
  );
}
