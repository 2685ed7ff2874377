import { describe, expect, it } from 'vitest';
import { pagerCount } from './capped-total';

const page = (n: number, items: number, total = 50, totalCapped = true) => ({
  items: Array.from({ length: items }),
  total,
  totalCapped,
  page: n,
  pageSize: 10,
});

describe('pagerCount', () => {
  it('passes an exact total through', () => {
    expect(pagerCount(page(1, 10, 37, false))).toEqual({ total: 37, atLeast: false });
  });

  it('past the cap, keeps the next page reachable while pages are full', () => {
    expect(pagerCount(page(1, 10))).toEqual({ total: 50, atLeast: true });
    expect(pagerCount(page(5, 10))).toEqual({ total: 51, atLeast: true });
    expect(pagerCount(page(6, 10))).toEqual({ total: 61, atLeast: true });
  });

  it('a page that is not full is the last one: the total is exact', () => {
    expect(pagerCount(page(7, 3))).toEqual({ total: 63, atLeast: false });
  });

  it('an empty page (the data ended on a page boundary) adds no further page', () => {
    expect(pagerCount(page(8, 0))).toEqual({ total: 71, atLeast: true });
  });
});
