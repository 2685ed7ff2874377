import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  values: readonly number[];
}

interface MonthRow {
  key: number;
  label: string;
  [series: string]: number | string;
}

/** Lines differ by dash as well as colour, so overlapping or colour-blind-read lines stay apart. */
const DASHES = ['0', '8 4', '3 3', '10 3 3 3'];

/** "1月" / "Jan": month names in the UI language (UTC, so no zone can shift them). */
export function monthLabels(language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2000, i, 1))));
}

/**
 * One chart of twelve months with its figures in a table beside it. The drawing is one image to
 * assistive technology (role="img", its title as the name); the table is what screen readers read
 * and what prints when the chart cannot.
 */
export function ChartFigure({
  id,
  title,
  kind,
  series,
  extra,
}: {
  id: string;
  title: string;
  kind: 'bar' | 'line';
  series: readonly ChartSeries[];
  extra?: ReactNode;
}) {
  const { t, i18n } = useTranslation('stats');
  const months = monthLabels(i18n.language);
  const rows: MonthRow[] = months.map((label, i) => ({ key: i + 1, label, ...Object.fromEntries(series.map((s) => [s.key, s.values[i] ?? 0])) }));
  const columns: ColumnsType<MonthRow> = [
    { title: t('month'), dataIndex: 'label', key: 'label' },
    ...series.map((s) => ({ title: s.label, dataIndex: s.key, key: s.key, align: 'right' as const })),
  ];
  const totals = series.map((s) => s.values.reduce((a, b) => a + b, 0));
  // The legend in the order of the series (and of the table's columns), not alphabetical.
  const order = (item: { dataKey?: unknown }) => series.findIndex((s) => s.key === item.dataKey);
  const label = t(kind === 'bar' ? 'charts.chartLabel' : 'charts.lineLabel', { title });
  const chart =
    kind === 'bar' ? (
      <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        <Legend itemSorter={order} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    ) : (
      <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        <Legend itemSorter={order} />
        {series.map((s, i) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={DASHES[i % DASHES.length]}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    );
  return (
    <section className="stats-figure" aria-labelledby={`${id}-title`}>
      <Typography.Title level={3} id={`${id}-title`} className="stats-figure__title">
        {title}
      </Typography.Title>
      {extra}
      <div className="stats-figure__body">
        <div className="stats-figure__chart" role="img" aria-label={label}>
          <ResponsiveContainer width="100%" height={300}>
            {chart}
          </ResponsiveContainer>
        </div>
        <div className="stats-figure__table">
          <Table<MonthRow>
            size="small"
            pagination={false}
            columns={columns}
            dataSource={rows}
            caption={<span className="visually-hidden">{title}</span>}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('total')}</strong>
                </Table.Summary.Cell>
                {totals.map((n, i) => (
                  <Table.Summary.Cell key={series[i]?.key ?? i} index={i + 1} align="right">
                    <strong>{n}</strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
          />
        </div>
      </div>
    </section>
  );
}
