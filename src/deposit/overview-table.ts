import { DEPOSIT_STATUS_LABELS } from '../review/deposit-state.js';
import type { Table } from '../export/table.js';
import type { RegistrantKind } from '../shared/enums.js';
import type { Locale } from '../shared/locale.js';
import type { OverviewRow } from './deposit.schemas.js';

const KIND_LABELS: Readonly<Record<RegistrantKind, Record<Locale, string>>> = {
  company: { 'zh-TW': '公司', en: 'Company' },
  individual: { 'zh-TW': '個人', en: 'Individual' },
  government: { 'zh-TW': '政府機關', en: 'Government body' },
};

const BASIS_LABELS = {
  copies: { 'zh-TW': '實體送存品', en: 'Physical copies' },
  audio: { 'zh-TW': '影音檔送存', en: 'Audio files' },
} as const satisfies Record<OverviewRow['basis'], Record<Locale, string>>;

const HEADERS = {
  albumNumber: { 'zh-TW': '專輯編號', en: 'Album number' },
  title: { 'zh-TW': '專輯名稱', en: 'Album title' },
  registrant: { 'zh-TW': '登記者', en: 'Registrant' },
  kind: { 'zh-TW': '登記者類型', en: 'Registrant kind' },
  approvedOn: { 'zh-TW': '通過審核日', en: 'Approved on' },
  daysWaiting: { 'zh-TW': '等待天數', en: 'Days waiting' },
  required: { 'zh-TW': '應送存份數', en: 'Copies required' },
  received: { 'zh-TW': '已收件份數', en: 'Copies received' },
  sent: { 'zh-TW': '登記者已寄送份數', en: 'Copies declared sent' },
  lastSentOn: { 'zh-TW': '寄送日期', en: 'Sent on' },
  status: { 'zh-TW': '送存狀態', en: 'Deposit status' },
  overdue: { 'zh-TW': '逾期', en: 'Overdue' },
  basis: { 'zh-TW': '送存方式', en: 'Deposit of' },
  audio: { 'zh-TW': '已上傳影音檔曲目', en: 'Tracks with audio' },
} as const satisfies Record<string, Record<Locale, string>>;

/** The deposit overview as a table for CSV / .xlsx, in the reader's language. */
export function overviewTable(rows: readonly OverviewRow[], locale: Locale): Table<OverviewRow> {
  const h = (key: keyof typeof HEADERS) => HEADERS[key][locale];
  const yes = locale === 'zh-TW' ? '是' : 'yes';
  return {
    sheet: locale === 'zh-TW' ? '送存總覽' : 'Deposit overview',
    rows,
    columns: [
      { header: h('albumNumber'), value: (r) => r.albumNumber },
      { header: h('title'), value: (r) => r.title, width: 30 },
      { header: h('registrant'), value: (r) => r.registrantName, width: 30 },
      { header: h('kind'), value: (r) => KIND_LABELS[r.registrantKind][locale] },
      { header: h('approvedOn'), value: (r) => r.approvedOn, width: 12 },
      { header: h('daysWaiting'), value: (r) => r.daysWaiting },
      { header: h('basis'), value: (r) => BASIS_LABELS[r.basis][locale] },
      { header: h('required'), value: (r) => r.requiredCopies },
      { header: h('received'), value: (r) => r.receivedCopies },
      { header: h('sent'), value: (r) => r.sentCopies },
      { header: h('lastSentOn'), value: (r) => r.lastSentOn, width: 12 },
      { header: h('audio'), value: (r) => (r.basis === 'audio' ? `${r.tracksWithAudio} / ${r.tracks}` : '') },
      { header: h('status'), value: (r) => DEPOSIT_STATUS_LABELS[r.status][locale] },
      { header: h('overdue'), value: (r) => (r.overdue ? yes : '') },
    ],
  };
}
