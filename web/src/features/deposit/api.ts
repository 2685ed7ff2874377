import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AlbumDepositResponse,
  CorrectEventBody,
  DeclareSentBody,
  OverviewPage,
  RecordReceivedBody,
} from '../../../../src/deposit/deposit.schemas.js';
import type { RegistrantKind } from '../../../../src/shared/enums.js';
import { api } from '../../lib/api-client';
import { downloadExport } from '../../lib/download';
import { albumKeys } from '../albums/api';

/** Every list shows 10 rows a page. */
export const PAGE_SIZE = 10;

export interface OverviewFilters {
  overdue: boolean;
  kind: RegistrantKind | undefined;
}

const overviewKey = ['deposits', 'overview'] as const;
const albumDepositKey = (albumId: string) => ['deposits', 'album', albumId] as const;

export function useDepositOverview(filters: OverviewFilters, page: number) {
  return useQuery({
    queryKey: [...overviewKey, filters, page],
    queryFn: ({ signal }) =>
      api.get<OverviewPage>(
        '/deposits/overview',
        { overdue: filters.overdue ? true : undefined, kind: filters.kind, page, pageSize: PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useAlbumDeposit(albumId: string, enabled: boolean) {
  return useQuery({
    queryKey: albumDepositKey(albumId),
    queryFn: ({ signal }) => api.get<AlbumDepositResponse>(`/albums/${encodeURIComponent(albumId)}/deposits`, undefined, signal),
    enabled,
  });
}

/** After any deposit event: the overview, the album's deposit and the album itself (its status tag) change. */
function useInvalidateDeposit() {
  const queryClient = useQueryClient();
  return (albumId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['deposits'] }),
      queryClient.invalidateQueries({ queryKey: albumKeys.all }),
      queryClient.invalidateQueries({ queryKey: albumDepositKey(albumId) }),
    ]);
}

export function useDeclareSent(albumId: string) {
  const invalidate = useInvalidateDeposit();
  return useMutation({
    mutationFn: (body: DeclareSentBody) => api.post<AlbumDepositResponse>(`/albums/${encodeURIComponent(albumId)}/deposits/sent`, body),
    onSuccess: () => invalidate(albumId),
  });
}

export function useRecordReceived() {
  const invalidate = useInvalidateDeposit();
  return useMutation({
    mutationFn: ({ albumId, body }: { albumId: string; body: RecordReceivedBody }) =>
      api.post<AlbumDepositResponse>(`/albums/${encodeURIComponent(albumId)}/deposits/received`, body),
    onSuccess: (_data, { albumId }) => invalidate(albumId),
  });
}

/** 更正: removes a mistaken event (staff), with the reason. */
export function useCorrectEvent(albumId: string) {
  const invalidate = useInvalidateDeposit();
  return useMutation({
    mutationFn: (body: CorrectEventBody) => api.post<AlbumDepositResponse>(`/albums/${encodeURIComponent(albumId)}/deposits/corrections`, body),
    onSuccess: () => invalidate(albumId),
  });
}

/**
 * Downloads the overview export. Fetched (not a plain link) so the headers follow the UI's
 * language through Accept-Language rather than the browser's.
 */
export function downloadOverview(format: 'csv' | 'xlsx', filters: OverviewFilters): Promise<void> {
  return downloadExport(
    `/deposits/overview.${format}`,
    { overdue: filters.overdue ? 'true' : undefined, kind: filters.kind },
    `deposit-overview.${format}`,
  );
}

/** 2026-06-15 → 2026.06.15, the agency's way of writing dates. */
export function showDate(date: string): string {
  return date.replaceAll('-', '.');
}
