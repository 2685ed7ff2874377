import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatCounts, StatsResponse } from '../../../../src/stats/stats.schemas.js';
import { ChartFigure, type ChartSeries } from './ChartFigure';
import { CountsTable } from './CountsTable';
import { useStatColors } from './use-stat-colors';

const EVENTS = ['reported', 'approved', 'returned', 'deposited'] as const;
const KEYS = {
  albums: { reported: 'albumsReported', approved: 'albumsApproved', returned: 'albumsReturned', deposited: 'albumsDeposited' },
  recordings: { reported: 'recordingsReported', approved: 'recordingsApproved', returned: 'recordingsReturned', deposited: 'recordingsDeposited' },
} as const satisfies Record<'albums' | 'recordings', Record<(typeof EVENTS)[number], keyof StatCounts>>;

/** 年度回報量統計表: two charts by month (albums: bars; ISRCs: lines), each with its table, then the year's totals by category. */
export function YearStatsView({ stats }: { stats: StatsResponse }) {
  const { t } = useTranslation('stats');
  const colors = useStatColors();
  const series = (what: 'albums' | 'recordings'): ChartSeries[] =>
    EVENTS.map((event) => {
      const key = KEYS[what][event];
      return { key, label: t(`measures.${key}`), color: colors[event], values: stats.months.map((m) => m[key]) };
    });
  const agency = stats.registrantId === null && stats.byRegistrant.length > 0;
  return (
    <>
      <ChartFigure id="stats-albums" kind="bar" title={t('charts.albums', { year: stats.year })} series={series('albums')} />
      <ChartFigure id="stats-recordings" kind="line" title={t('charts.recordings', { year: stats.year })} series={series('recordings')} />
      <section className="stats-figure" aria-labelledby="stats-release-title">
        <Typography.Title level={3} id="stats-release-title" className="stats-figure__title">
          {t('sections.byReleaseType')}
        </Typography.Title>
        <CountsTable
          caption={t('sections.byReleaseType')}
          firstHeader={t('category')}
          rows={stats.byReleaseType.map((r) => ({ key: r.releaseType, label: t(`releaseTypes.${r.releaseType}`), counts: r.total }))}
        />
      </section>
      <section className="stats-figure" aria-labelledby="stats-kind-title">
        <Typography.Title level={3} id="stats-kind-title" className="stats-figure__title">
          {t('sections.byKind')}
        </Typography.Title>
        <CountsTable
          caption={t('sections.byKind')}
          firstHeader={t('category')}
          rows={stats.byRegistrantKind.map((r) => ({ key: r.kind, label: t(`kinds.${r.kind}`), counts: r.total }))}
        />
      </section>
      {agency ? (
        <section className="stats-figure" aria-labelledby="stats-registrant-title">
          <Typography.Title level={3} id="stats-registrant-title" className="stats-figure__title">
            {t('sections.byRegistrant')}
          </Typography.Title>
          <CountsTable
            caption={t('sections.byRegistrant')}
            firstHeader={t('registrantName')}
            detailHeader={t('kind')}
            paged
            rows={stats.byRegistrant.map((r) => ({ key: r.registrantId, label: r.name, detail: t(`kinds.${r.kind}`), counts: r.total }))}
          />
        </section>
      ) : null}
    </>
  );
}
