import { describe, expect, it } from 'vitest';
import { albumEmptyState, type AlbumEmptyFacts } from './empty-state';

const registrant: AlbumEmptyFacts = { view: 'todo', searching: false, canCreate: true, underReview: 0, total: 0 };

describe(albumEmptyState.name, () => {
  it('asks a registrant without albums to click 專輯新增', () => {
    expect(albumEmptyState(registrant)).toEqual({ key: 'empty.todo' });
    expect(albumEmptyState({ ...registrant, view: 'all' })).toEqual({ key: 'empty.all' });
  });

  it('points 待辦事項 to 審核中專輯 when the albums are under review', () => {
    expect(albumEmptyState({ ...registrant, underReview: 1, total: 1 })).toEqual({ key: 'empty.todoInReview', goTo: 'review' });
  });

  it('points 待辦事項 to 所有專輯 when every album is done', () => {
    expect(albumEmptyState({ ...registrant, underReview: 0, total: 3 })).toEqual({ key: 'empty.todoDone', goTo: 'all' });
  });

  it('says nothing was found for a search, whatever the tab', () => {
    expect(albumEmptyState({ ...registrant, searching: true, underReview: 2, total: 2 })).toEqual({ key: 'emptyFiltered' });
  });

  it('never offers 專輯新增 to agency staff', () => {
    expect(albumEmptyState({ ...registrant, canCreate: false })).toEqual({ key: 'empty.staffTodo' });
    expect(albumEmptyState({ ...registrant, canCreate: false, view: 'all' })).toEqual({ key: 'empty.staffAll' });
    expect(albumEmptyState({ ...registrant, canCreate: false, view: 'review' })).toEqual({ key: 'empty.review' });
  });
});
