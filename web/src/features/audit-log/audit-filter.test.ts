import { describe, expect, it } from 'vitest';
import { auditFilterParams, formatDateTime, readAuditFilter } from './audit-filter';

describe(readAuditFilter.name, () => {
  it('keeps valid values and drops ones the API would refuse', () => {
    const params = new URLSearchParams('page=2&registrantId=not-a-uuid&from=2026-01-01&to=2026/02/01&action=album&actorLogin=%20bob%20');
    expect(readAuditFilter(params)).toEqual({ page: 2, from: '2026-01-01', action: 'album', actorLogin: 'bob' });
  });

  it('round-trips through the URL parameters', () => {
    const filter = { page: 3, entityType: 'album', entityId: 'x', registrantId: '6f1c2f43-8a0e-4a53-9f0e-2d5b9d4f0a11' };
    expect(readAuditFilter(new URLSearchParams(auditFilterParams(filter)))).toEqual(filter);
  });
});

describe(formatDateTime.name, () => {
  it('shows the instant in the agency zone, not the browser one', () => {
    expect(formatDateTime('2026-12-31T16:30:05Z', 'Asia/Taipei')).toBe('2027.01.01 00:30:05');
  });
});
