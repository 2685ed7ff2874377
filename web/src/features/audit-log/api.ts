import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../../../src/audit/audit.schemas.js';
import { api } from '../../lib/api-client';
import { AUDIT_PAGE_SIZE, type AuditFilter } from './audit-filter';

export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter] as const,
    queryFn: ({ signal }) => api.get<AuditPage>('/audit', { ...filter, pageSize: AUDIT_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}
