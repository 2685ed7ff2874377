import { describe, expect, it } from 'vitest';
import type { AlbumFilter } from './api';
import { albumFilterParams, readAlbumFilter } from './list-params';

const read = (query: string) => readAlbumFilter(new URLSearchParams(query));

describe(readAlbumFilter.name, () => {
  it('opens the to-do tab, page 1, unsorted, by default', () => {
    expect(read('')).toEqual({ view: 'todo', page: 1 });
  });

  it('reads tab, page, search and sort', () => {
    expect(read('view=review&page=3&q=%E8%8C%83%E7%89%B9%E8%A5%BF&sort=title&order=desc')).toEqual({
      view: 'review',
      page: 3,
      q: '范特西',
      sort: 'title',
      order: 'desc',
    });
  });

  it.each([['0'], ['-2'], ['2.5'], ['abc'], ['']])('falls back to page 1 for page=%s', (page) => {
    expect(read(`page=${page}`).page).toBe(1);
  });

  it('ignores an unknown tab', () => {
    expect(read('view=deleted').view).toBe('todo');
    expect(read('view=ALL').view).toBe('todo');
  });

  it('trims the search and drops a blank one', () => {
    expect(read('q=%20%20abc%20').q).toBe('abc');
    expect(read('q=%20%20')).not.toHaveProperty('q');
    expect(read('q=')).not.toHaveProperty('q');
  });

  it('sorts ascending unless told otherwise', () => {
    expect(read('sort=createdAt')).toMatchObject({ sort: 'createdAt', order: 'asc' });
    expect(read('sort=createdAt&order=sideways')).toMatchObject({ sort: 'createdAt', order: 'asc' });
  });

  it('ignores an unknown sort, and an order without a sort', () => {
    expect(read('sort=artist&order=desc')).toEqual({ view: 'todo', page: 1 });
    expect(read('order=desc')).toEqual({ view: 'todo', page: 1 });
  });
});

describe(albumFilterParams.name, () => {
  it('keeps the URL clean for the defaults', () => {
    expect(albumFilterParams({ view: 'todo', page: 1 })).toEqual({});
  });

  it('writes what differs from the defaults', () => {
    expect(albumFilterParams({ view: 'all', page: 2, q: '周', sort: 'submittedAt', order: 'desc' })).toEqual({
      view: 'all',
      page: '2',
      q: '周',
      sort: 'submittedAt',
      order: 'desc',
    });
  });

  it('always writes the order with a sort', () => {
    expect(albumFilterParams({ view: 'todo', page: 1, sort: 'albumNumber' })).toEqual({ sort: 'albumNumber', order: 'asc' });
  });

  it.each<AlbumFilter>([
    { view: 'todo', page: 1 },
    { view: 'review', page: 4 },
    { view: 'all', page: 1, q: 'TW-A01', sort: 'updatedAt', order: 'desc' },
    { view: 'todo', page: 12, sort: 'title', order: 'asc' },
  ])('round-trips %j through the URL', (filter) => {
    const query = new URLSearchParams(albumFilterParams(filter)).toString();
    expect(readAlbumFilter(new URLSearchParams(query))).toEqual(filter);
  });
});
