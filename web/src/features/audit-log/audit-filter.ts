/** The audit log viewer's filter in the URL, and the agency-zone time format (pure: unit-tested). */

export const AUDIT_PAGE_SIZE = 10;

/** The viewer's filter, as it stands in the URL (every field optional but the page). */
export interface AuditFilter {
  page: number;
  actorUserId?: string;
  actorLogin?: string;
  registrantId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const AUDIT_FILTER_KEYS = ['actorUserId', 'actorLogin', 'registrantId', 'entityType', 'entityId', 'action', 'from', 'to'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** Reads the filter from the URL, dropping values the API would refuse, so a bad link still opens. */
export function readAuditFilter(params: URLSearchParams): AuditFilter {
  const page = Number(params.get('page'));
  const filter: AuditFilter = { page: Number.isInteger(page) && page > 0 ? page : 1 };
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value === undefined || value === '') {
      continue;
    }
    const valid = key === 'actorUserId' || key === 'registrantId' ? UUID.test(value) : key === 'from' || key === 'to' ? DAY.test(value) : true;
    if (valid) {
      filter[key] = value;
    }
  }
  return filter;
}

export function auditFilterParams(filter: AuditFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.page > 1) {
    out['page'] = String(filter.page);
  }
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined && value !== '') {
      out[key] = value;
    }
  }
  return out;
}

/** "2026.03.09 14:05:07" in the agency's zone (the list format of dates, with the time). */
export function formatDateTime(value: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(value));
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}.${p('month')}.${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
}
