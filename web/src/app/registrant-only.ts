/**
 * Registrant pages opened by agency staff (pure: unit-tested). The API decides what anyone may read;
 * this keeps officers on their own screens:
 * - 出版者資料異動申請單 (/change-requests) and the applicant's /application have an officer
 *   counterpart and nothing for staff to do there: staff are sent to it (the change-request desk,
 *   their home 審核).
 * - The album pages stay open to staff (the deposit desk corrects records there; /albums lists
 *   every registrant's albums), under a notice saying they are the registrant's pages, with a link
 *   to the officer's page: the album's review page, or 審核.
 */
export type StaffPlace = { kind: 'redirect'; to: string } | { kind: 'notice'; to: string; link: 'albumReview' | 'review' };

const ALBUM_PAGE = /^\/albums\/([^/]+)(?:\/tracks\/[^/]+)?\/?$/;

/** What staff who open `pathname` (a registrant page) get: sent elsewhere, or the page under a notice. */
export function staffPlaceFor(pathname: string): StaffPlace {
  const album = ALBUM_PAGE.exec(pathname);
  if (album !== null) {
    return { kind: 'notice', to: `/review/${album[1]}`, link: 'albumReview' };
  }
  if (pathname === '/albums' || pathname === '/albums/') {
    return { kind: 'notice', to: '/review', link: 'review' };
  }
  if (pathname === '/change-requests' || pathname.startsWith('/change-requests/')) {
    return { kind: 'redirect', to: '/admin/change-requests' };
  }
  return { kind: 'redirect', to: '/review' };
}
