import { describe, expect, it } from 'vitest';
import { staffPlaceFor } from './registrant-only';

describe(staffPlaceFor.name, () => {
  it('sends staff from 出版者資料異動申請單 to the change-request desk', () => {
    expect(staffPlaceFor('/change-requests')).toEqual({ kind: 'redirect', to: '/admin/change-requests' });
  });

  it('sends staff from the applicant page to their home, 審核', () => {
    expect(staffPlaceFor('/application')).toEqual({ kind: 'redirect', to: '/review' });
  });

  it('shows album pages under a notice linking to the review page of the same album', () => {
    expect(staffPlaceFor('/albums/4f1c')).toEqual({ kind: 'notice', to: '/review/4f1c', link: 'albumReview' });
    expect(staffPlaceFor('/albums/4f1c/')).toEqual({ kind: 'notice', to: '/review/4f1c', link: 'albumReview' });
    expect(staffPlaceFor('/albums/4f1c/tracks/99aa')).toEqual({ kind: 'notice', to: '/review/4f1c', link: 'albumReview' });
  });

  it('shows the album list under a notice linking to 審核', () => {
    expect(staffPlaceFor('/albums')).toEqual({ kind: 'notice', to: '/review', link: 'review' });
  });
});
