/** A page of a list whose total the server counts only up to a cap (`totalCapped` past it). */
export interface CountedPage {
  items: readonly unknown[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/**
 * What the pager shows. Past the cap the true total is unknown, so the pager is never told "50"
 * (which would end it at page 5): while pages come back full, one more page is always reachable;
 * a page that is not full is the last, and then the total is exact.
 */
export function pagerCount(data: CountedPage): { total: number; atLeast: boolean } {
  if (!data.totalCapped) {
    return { total: data.total, atLeast: false };
  }
  const seen = (data.page - 1) * data.pageSize + data.items.length;
  if (data.items.length < data.pageSize && data.items.length > 0) {
    return { total: seen, atLeast: false };
  }
  return { total: Math.max(data.total, seen + 1), atLeast: true };
}
