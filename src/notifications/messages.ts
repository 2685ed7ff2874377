/**
 * The words of every notification, in zh-TW and English: one line for the in-app list and the
 * e-mail's subject, and the e-mail's text. Pure (no I/O): rendered per recipient from the stored
 * kind and params, so each person reads it in their own language.
 */
import { interpolate, type Locale } from '../shared/locale.js';
import type { NotificationKind } from './notify.service.js';

export type NotificationParams = Readonly<Record<string, string | number>>;

interface KindTexts {
  /** One line: the list entry and the subject. */
  title: string;
  /** Extra lines of the e-mail (a reason, how many copies), or none. */
  details?: string;
}

/** `changeRequest.decided` and `application.decided` read differently when approved and when not. */
type TextKey = Exclude<NotificationKind, 'changeRequest.decided' | 'application.decided'> | `${'changeRequest' | 'application'}.decided.${'approved' | 'rejected'}`;

const TEXTS: Record<Locale, Record<TextKey, KindTexts>> = {
  'zh-TW': {
    'album.submitted': { title: '新送審專輯：{title}（專輯編號 {albumNumber}，{registrantName}）' },
    'album.approved': { title: '專輯已通過審核：{title}（專輯編號 {albumNumber}）' },
    'album.returned': { title: '專輯已退回：{title}（專輯編號 {albumNumber}）', details: '退回原因：{reason}\n請依原因修改後再送出審核。' },
    'deposit.received': { title: '管理中心已收到送存：{title}（專輯編號 {albumNumber}）', details: '收到份數：{copies}' },
    'deposit.audioReceived': { title: '管理中心已收到影音檔送存：{title}（專輯編號 {albumNumber}）', details: '送存檔案：{files} 個' },
    'deposit.audioSubmitted': { title: '新的影音檔送存：{title}（專輯編號 {albumNumber}，{registrantName}）', details: '送存檔案：{files} 個' },
    'application.submitted': { title: '新的登記者代碼申請：{name}' },
    'application.decided.approved': { title: '登記者代碼申請已核准：{name}' },
    'application.decided.rejected': { title: '登記者代碼申請未核准：{name}', details: '原因：{reason}' },
    'changeRequest.submitted': { title: '新的出版者資料異動申請：{registrantName}' },
    'changeRequest.decided.approved': { title: '出版者資料異動申請已核准' },
    'changeRequest.decided.rejected': { title: '出版者資料異動申請未核准', details: '原因：{reason}' },
  },
  en: {
    'album.submitted': { title: 'New album submitted: {title} (album no. {albumNumber}, {registrantName})' },
    'album.approved': { title: 'Album approved: {title} (album no. {albumNumber})' },
    'album.returned': { title: 'Album returned: {title} (album no. {albumNumber})', details: 'Reason: {reason}\nPlease correct the album and submit it again.' },
    'deposit.received': { title: 'Deposit received by the agency: {title} (album no. {albumNumber})', details: 'Copies received: {copies}' },
    'deposit.audioReceived': { title: 'Audio deposit received by the agency: {title} (album no. {albumNumber})', details: 'Files deposited: {files}' },
    'deposit.audioSubmitted': { title: 'New audio deposit: {title} (album no. {albumNumber}, {registrantName})', details: 'Files deposited: {files}' },
    'application.submitted': { title: 'New registrant code application: {name}' },
    'application.decided.approved': { title: 'Registrant code application approved: {name}' },
    'application.decided.rejected': { title: 'Registrant code application not approved: {name}', details: 'Reason: {reason}' },
    'changeRequest.submitted': { title: 'New change request for registrant details: {registrantName}' },
    'changeRequest.decided.approved': { title: 'Your change request for registrant details was approved' },
    'changeRequest.decided.rejected': { title: 'Your change request for registrant details was not approved', details: 'Reason: {reason}' },
  },
};

const FOOTER: Record<Locale, { open: string; automatic: string; fallback: string }> = {
  'zh-TW': { open: '請至 ISRC 登記系統查看：', automatic: '此信件由系統自動寄出，請勿直接回覆。', fallback: '您有一則新通知' },
  en: { open: 'View it in the ISRC registry: ', automatic: 'This message was sent automatically; please do not reply to it.', fallback: 'You have a new notification' },
};

function textKey(kind: string, params: NotificationParams): TextKey | undefined {
  if (kind === 'changeRequest.decided' || kind === 'application.decided') {
    return `${kind}.${params.decision === 'approved' ? 'approved' : 'rejected'}`;
  }
  return kind in TEXTS['zh-TW'] ? (kind as TextKey) : undefined;
}

/** Control characters (a newline in a title) never reach a subject line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** The one-line text of a notification (in-app list, e-mail subject). An unknown kind still says something. */
export function notificationTitle(kind: string, params: NotificationParams, locale: Locale): string {
  const key = textKey(kind, params);
  return oneLine(key === undefined ? FOOTER[locale].fallback : interpolate(TEXTS[locale][key].title, params));
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

/** The e-mail copy: subject, details, the link to the object in the web app, and the agency's name. */
export function renderNotificationEmail(kind: string, params: NotificationParams, locale: Locale, options: { url: string; agencyName: string }): RenderedEmail {
  const subject = notificationTitle(kind, params, locale);
  const key = textKey(kind, params);
  const details = key === undefined ? undefined : TEXTS[locale][key].details;
  const footer = FOOTER[locale];
  const lines = [subject, ''];
  if (details !== undefined) {
    lines.push(interpolate(details, params), '');
  }
  lines.push(`${footer.open}${options.url}`, '', '--', options.agencyName, footer.automatic);
  return { subject, text: `${lines.join('\n')}\n` };
}

/** What a notification is about; the web page of it depends on who reads it. */
export type NotificationEntity = 'album' | 'application' | 'changeRequest';

/**
 * The web app's page of the object, for this reader: officers work in the agency's desks
 * (審核, 申請, 異動), registrants in their own pages, an applicant on their application's page.
 */
export function notificationPath(entityType: string, entityId: string, reader: 'staff' | 'member' | 'applicant'): string {
  const id = encodeURIComponent(entityId);
  switch (entityType) {
    case 'album':
      return reader === 'staff' ? `/review/${id}` : `/albums/${id}`;
    case 'application':
      return reader === 'staff' ? `/admin/applications/${id}` : '/application';
    case 'changeRequest':
      return reader === 'staff' ? `/admin/change-requests/${id}` : '/change-requests';
    default:
      return '/notifications';
  }
}
