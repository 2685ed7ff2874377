/**
 * 年度回報量統計表 and the annual report as tables for .xlsx, in the reader's language: one row per
 * figure, January to December across, and the year's total last (the layout of the printed report).
 */
import type { Table, TableColumn } from '../export/table.js';
import type { RegistrantKind } from '../shared/enums.js';
import type { Locale } from '../shared/locale.js';
import type { AnnualReportResponse, StatCounts, StatsResponse } from './stats.schemas.js';

export interface WideRow {
  category: string;
  item: string;
  /** Twelve months, or null when only the year's total is given (per registrant). */
  months: readonly number[] | null;
  total: number;
}

type Labels = Record<Locale, string>;

export const COUNT_LABELS: Readonly<Record<keyof StatCounts, Labels>> = {
  albumsReported: { 'zh-TW': '回報專輯數', en: 'Albums reported' },
  albumsApproved: { 'zh-TW': '通過審核專輯數', en: 'Albums approved' },
  albumsReturned: { 'zh-TW': '退回專輯數', en: 'Albums returned' },
  albumsDeposited: { 'zh-TW': '已送存專輯數', en: 'Albums deposited' },
  recordingsReported: { 'zh-TW': '回報 ISRC 數', en: 'ISRCs reported' },
  recordingsApproved: { 'zh-TW': '通過審核 ISRC 數', en: 'ISRCs approved' },
  recordingsReturned: { 'zh-TW': '退回 ISRC 數', en: 'ISRCs returned' },
  recordingsDeposited: { 'zh-TW': '已送存 ISRC 數', en: 'ISRCs deposited' },
};
const COUNT_KEYS = Object.keys(COUNT_LABELS) as (keyof StatCounts)[];

const KIND_LABELS: Readonly<Record<RegistrantKind, Labels>> = {
  company: { 'zh-TW': '公司', en: 'Companies' },
  individual: { 'zh-TW': '個人', en: 'Individuals' },
  government: { 'zh-TW': '政府機關', en: 'Government bodies' },
};
const RELEASE_LABELS: Readonly<Record<'digital' | 'physical', Labels>> = {
  digital: { 'zh-TW': '數位發行', en: 'Digital release' },
  physical: { 'zh-TW': '實體發行', en: 'Physical release' },
};

const TEXT = {
  category: { 'zh-TW': '分類', en: 'Category' },
  item: { 'zh-TW': '項目', en: 'Figure' },
  total: { 'zh-TW': '全年', en: 'Year' },
  all: { 'zh-TW': '全部', en: 'All' },
  statsSheet: { 'zh-TW': '年度回報量統計表', en: 'Yearly reporting statistics' },
  annualSheet: { 'zh-TW': '年度報告', en: 'Annual report' },
  codes: { 'zh-TW': '核發登記者代碼數', en: 'Registrant codes allocated' },
  newRegistrants: { 'zh-TW': '新增登記者', en: 'New registrants' },
  atYearEnd: { 'zh-TW': '年底登記者總數', en: 'Registrants at year end' },
  isrcs: { 'zh-TW': 'ISRC', en: 'ISRCs' },
  registrants: { 'zh-TW': '登記者', en: 'Registrants' },
} as const satisfies Record<string, Labels>;

function wideTable(sheet: string, rows: readonly WideRow[], locale: Locale): Table<WideRow> {
  const monthHeader = (m: number) => (locale === 'zh-TW' ? `${m}月` : new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' }));
  const months: TableColumn<WideRow>[] = Array.from({ length: 12 }, (_, i) => ({
    header: monthHeader(i + 1),
    value: (r: WideRow) => (r.months === null ? null : (r.months[i] ?? 0)),
    width: 8,
  }));
  return {
    sheet,
    rows,
    columns: [
      { header: TEXT.category[locale], value: (r) => r.category, width: 24 },
      { header: TEXT.item[locale], value: (r) => r.item, width: 20 },
      ...months,
      { header: TEXT.total[locale], value: (r) => r.total, width: 10 },
    ],
  };
}

function seriesRows(category: string, series: Pick<StatsResponse, 'months' | 'total'>, locale: Locale): WideRow[] {
  return COUNT_KEYS.map((key) => ({ category, item: COUNT_LABELS[key][locale], months: series.months.map((m) => m[key]), total: series.total[key] }));
}

/** 年度回報量統計表: the whole, by release type, by registrant kind, then each registrant's year (agency). */
export function statsTable(stats: StatsResponse, locale: Locale): Table<WideRow> {
  const rows = [
    ...seriesRows(TEXT.all[locale], stats, locale),
    ...stats.byReleaseType.flatMap((s) => seriesRows(RELEASE_LABELS[s.releaseType][locale], s, locale)),
    ...stats.byRegistrantKind.flatMap((s) => seriesRows(KIND_LABELS[s.kind][locale], s, locale)),
    ...stats.byRegistrant.flatMap((r) => COUNT_KEYS.map((key) => ({ category: r.name, item: COUNT_LABELS[key][locale], months: null, total: r.total[key] }))),
  ];
  return wideTable(`${TEXT.statsSheet[locale]} ${stats.year}`, rows, locale);
}

/** The annual report: codes allocated, registrants by kind, ISRCs reported and approved, by month. */
export function annualReportTable(report: AnnualReportResponse, locale: Locale): Table<WideRow> {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const rows: WideRow[] = [
    { category: TEXT.codes[locale], item: TEXT.all[locale], months: report.codesByMonth, total: report.codesTotal },
    ...report.registrantsByKind.map((k) => ({ category: TEXT.newRegistrants[locale], item: KIND_LABELS[k.kind][locale], months: k.newByMonth, total: k.newTotal })),
    ...report.registrantsByKind.map((k) => ({ category: TEXT.atYearEnd[locale], item: KIND_LABELS[k.kind][locale], months: null, total: k.atYearEnd })),
    { category: TEXT.isrcs[locale], item: COUNT_LABELS.recordingsReported[locale], months: report.isrcsReportedByMonth, total: sum(report.isrcsReportedByMonth) },
    { category: TEXT.isrcs[locale], item: COUNT_LABELS.recordingsApproved[locale], months: report.isrcsApprovedByMonth, total: sum(report.isrcsApprovedByMonth) },
  ];
  return wideTable(`${TEXT.annualSheet[locale]} ${report.year}`, rows, locale);
}
