import type { AlbumView } from '../../../../src/catalog/catalog.schemas.js';

/** The empty album list's message (under `albums.`) and, when another tab has the albums, that tab. */
export interface AlbumEmptyState {
  key: 'emptyFiltered' | 'empty.todo' | 'empty.todoInReview' | 'empty.todoDone' | 'empty.all' | 'empty.review' | 'empty.staffTodo' | 'empty.staffAll';
  goTo?: Extract<AlbumView, 'review' | 'all'>;
}

export interface AlbumEmptyFacts {
  view: AlbumView;
  /** A search is applied. */
  searching: boolean;
  /** The user reports albums (a registrant's login), so 「專輯新增」 is theirs to click. */
  canCreate: boolean;
  /** The registrant's albums under review, and all its albums (undefined: not known yet). */
  underReview: number | undefined;
  total: number | undefined;
}

/**
 * What an empty album tab says, fitting the tab and the registrant's situation: 待辦事項 with
 * albums under review points to 審核中專輯, not to 專輯新增 as if nothing had been reported.
 */
export function albumEmptyState({ view, searching, canCreate, underReview, total }: AlbumEmptyFacts): AlbumEmptyState {
  if (searching) {
    return { key: 'emptyFiltered' };
  }
  if (view === 'review') {
    return { key: 'empty.review' };
  }
  if (!canCreate) {
    return { key: view === 'todo' ? 'empty.staffTodo' : 'empty.staffAll' };
  }
  if (view === 'all') {
    return { key: 'empty.all' };
  }
  if (underReview !== undefined && underReview > 0) {
    return { key: 'empty.todoInReview', goTo: 'review' };
  }
  if (total !== undefined && total > 0) {
    return { key: 'empty.todoDone', goTo: 'all' };
  }
  return { key: 'empty.todo' };
}
