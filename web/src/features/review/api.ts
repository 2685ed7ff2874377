import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import type { QueuePage, ReviewAlbumResponse, TodoCounts } from '../../../../src/review/review.schemas.js';
import { api } from '../../lib/api-client';

export const QUEUE_PAGE_SIZE = 10;

export interface QueueFilter {
  page: number;
  registrantId?: string;
  registrantKind?: 'company' | 'individual' | 'government';
  releaseType?: 'digital' | 'physical';
  submittedFrom?: string;
  submittedTo?: string;
}

export const reviewKeys = {
  all: ['review'] as const,
  queue: (filter: QueueFilter) => ['review', 'queue', filter] as const,
  todo: ['review', 'todo'] as const,
  album: (id: string) => ['review', 'album', id] as const,
};

export function useReviewQueue(filter: QueueFilter) {
  return useQuery({
    queryKey: reviewKeys.queue(filter),
    queryFn: ({ signal }) => api.get<QueuePage>('/review/queue', { ...filter, pageSize: QUEUE_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReviewTodo() {
  return useQuery({ queryKey: reviewKeys.todo, queryFn: ({ signal }) => api.get<TodoCounts>('/review/todo', undefined, signal) });
}

export function useReviewAlbum(id: string) {
  return useQuery({
    queryKey: reviewKeys.album(id),
    queryFn: ({ signal }) => api.get<ReviewAlbumResponse>(`/review/albums/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export interface ReturnInput {
  reason: string;
  tracks: { recordingId: string; reason: string }[];
}

/** 通過 or 退回 for the round the officer looked at; the workspace is refreshed either way (a conflict too). */
export function useDecision(id: string, round: number | null) {
  const queryClient = useQueryClient();
  const settle = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: reviewKeys.all }), queryClient.invalidateQueries({ queryKey: ['albums'] })]);
  const roundBody = round === null ? {} : { round };
  const approve = useMutation({
    mutationFn: () => api.post<AlbumResponse>(`/albums/${encodeURIComponent(id)}/approve`, roundBody),
    onSettled: settle,
  });
  const giveBack = useMutation({
    mutationFn: (input: ReturnInput) =>
      api.post<AlbumResponse>(`/albums/${encodeURIComponent(id)}/return`, {
        ...roundBody,
        reason: input.reason,
        ...(input.tracks.length > 0 ? { tracks: input.tracks } : {}),
      }),
    onSettled: settle,
  });
  return { approve, giveBack };
}
