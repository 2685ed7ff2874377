import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Select, Spin, Tabs, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/me-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useAgency } from '../agency/use-agency';
import { downloadExport } from '../../lib/download';
import { AnnualReportView } from './AnnualReportView';
import { useAnnualReport, useStatsRegistrants, useYearStats } from './api';
import { YearStatsView } from './YearStatsView';
import './stats.css';

const FIRST_YEAR = 2010;
type TabKey = 'stats' | 'annual';

/** A year from the address, else the agency's current year (its zone, never the browser's). */
function readYear(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1986 && n <= fallback + 1 ? n : fallback;
}

/**
 * 年度回報量統計表: a registrant's own figures, or (officers) the agency's, one registrant's, and the
 * annual report in a second tab. Year, registrant and tab live in the address, so a view can be
 * bookmarked and printed as it is.
 */
export function StatsPage() {
  const { t } = useTranslation('stats');
  const { message } = App.useApp();
  const me = useCurrentMe();
  const staff = me.user.role === 'agency_admin' || me.user.role === 'agency_officer';
  const { agencyYear, timeZone } = useAgency();
  const thisYear = agencyYear();
  const [params, setParams] = useSearchParams();
  const year = readYear(params.get('year'), thisYear);
  const registrantId = staff ? (params.get('registrant') ?? undefined) : undefined;
  const tab: TabKey = staff && params.get('tab') === 'annual' ? 'annual' : 'stats';
  const stats = useYearStats(year, registrantId);
  const registrants = useStatsRegistrants(year, staff);
  const annual = useAnnualReport(year, staff && tab === 'annual');
  const [exporting, setExporting] = useState(false);

  const update = (next: { year?: number; registrant?: string | undefined; tab?: TabKey }) => {
    const merged = { year: String(next.year ?? year), registrant: 'registrant' in next ? next.registrant : registrantId, tab: next.tab ?? tab };
    const search = new URLSearchParams({ year: merged.year });
    if (merged.registrant !== undefined) {
      search.set('registrant', merged.registrant);
    }
    if (merged.tab === 'annual') {
      search.set('tab', 'annual');
    }
    setParams(search);
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      if (tab === 'annual') {
        await downloadExport('/stats/annual-report.xlsx', { year }, `isrc-annual-report-${year}.xlsx`);
      } else {
        await downloadExport('/stats.xlsx', { year, registrantId }, `isrc-statistics-${year}.xlsx`);
      }
    } catch (error) {
      void message.error(t('toolbar.exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setExporting(false);
    }
  };

  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const registrantName = registrants.data?.find((r) => r.registrantId === registrantId)?.name;
  const toolbar = (
    <Form layout="inline" className="stats-toolbar stats-no-print" onSubmitCapture={(e) => e.preventDefault()}>
      <Form.Item label={t('toolbar.year')} htmlFor="stats-year">
        <Select
          id="stats-year"
          value={year}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          onChange={(y: number) => update({ year: y })}
        />
      </Form.Item>
      {staff && tab === 'stats' ? (
        <Form.Item label={t('toolbar.registrant')} htmlFor="stats-registrant" tooltip={t('toolbar.registrantHint')}>
          <Select
            id="stats-registrant"
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            style={{ width: 280 }}
            placeholder={t('toolbar.allRegistrants')}
            loading={registrants.isFetching}
            value={registrantId}
            options={(registrants.data ?? []).map((r) => ({ value: r.registrantId, label: r.name }))}
            onChange={(value: string | undefined) => update({ registrant: value })}
          />
        </Form.Item>
      ) : null}
    </Form>
  );

  const statsBody = stats.isError ? (
    <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
  ) : stats.data === undefined ? (
    <Spin />
  ) : stats.data.total.albumsReported + stats.data.total.albumsApproved + stats.data.total.albumsReturned + stats.data.total.albumsDeposited === 0 ? (
    <Empty description={t('empty', { year })} />
  ) : (
    <YearStatsView stats={stats.data} />
  );
  const annualBody = annual.isError ? (
    <ErrorAlert error={annual.error} onRetry={() => void annual.refetch()} />
  ) : annual.data === undefined ? (
    <Spin />
  ) : (
    <AnnualReportView report={annual.data} />
  );

  const title = tab === 'annual' ? t('annual.title', { year }) : `${t('title')} ${year}`;
  return (
    <div className="stats-page">
      <PageTitle
        title={title}
        extra={
          <>
            <Button className="stats-no-print" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
              {tab === 'annual' ? t('annual.export') : t('toolbar.export')}
            </Button>
            <Button className="stats-no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('toolbar.print')}
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">{tab === 'annual' ? t('annual.intro') : t('intro', { timeZone })}</Typography.Paragraph>
      {tab === 'stats' ? (
        <Typography.Paragraph type="secondary" className="stats-definitions">
          {t('definitions')}
        </Typography.Paragraph>
      ) : null}
      {!staff ? <Typography.Paragraph>{t('scope.own')}</Typography.Paragraph> : null}
      {registrantName !== undefined && tab === 'stats' ? (
        <Typography.Paragraph strong>{t('scope.registrant', { name: registrantName })}</Typography.Paragraph>
      ) : null}
      <Card>
        <Flex vertical gap="middle">
          {toolbar}
          {staff ? (
            <Tabs
              activeKey={tab}
              onChange={(key) => update({ tab: key === 'annual' ? 'annual' : 'stats' })}
              items={[
                { key: 'stats', label: t('tabs.stats'), children: statsBody },
                { key: 'annual', label: t('tabs.annual'), children: annualBody },
              ]}
            />
          ) : (
            statsBody
          )}
        </Flex>
      </Card>
    </div>
  );
}
