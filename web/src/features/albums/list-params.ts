import { ALBUM_SORTS, ALBUM_VIEWS, type AlbumSort, type AlbumView } from '../../../../src/catalog/catalog.schemas.js';
import type { AlbumFilter } from './api';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** Tab, page, search and sort live in the URL, so Back and shared links keep them. */
export function readAlbumFilter(params: URLSearchParams): AlbumFilter {
  const page = Number(params.get('page'));
  const q = params.get('q')?.trim();
  const sort: AlbumSort | undefined = oneOf(ALBUM_SORTS, params.get('sort'));
  const order = oneOf(['asc', 'desc'] as const, params.get('order'));
  const view: AlbumView = oneOf(ALBUM_VIEWS, params.get('view')) ?? 'todo';
  return {
    view,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    ...(q ? { q } : {}),
    ...(sort ? { sort, order: order ?? 'asc' } : {}),
  };
}

export function albumFilterParams(filter: AlbumFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.view !== 'todo') {
    out['view'] = filter.view;
  }
  if (filter.page > 1) {
    out['page'] = String(filter.page);
  }
  if (filter.q !== undefined) {
    out['q'] = filter.q;
  }
  if (filter.sort !== undefined) {
    out['sort'] = filter.sort;
    out['order'] = filter.order ?? 'asc';
  }
  return out;
}
