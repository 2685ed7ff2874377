import { describe, expect, it } from 'vitest';
import { notificationPath, notificationTitle, renderNotificationEmail } from './messages.js';

const options = { url: 'https://isrc.example.org/albums/abc', agencyName: '國家圖書館 ISRC 管理中心' };

describe(renderNotificationEmail.name, () => {
  it('renders a returned album in Chinese with title, number, reason and link', () => {
    const email = renderNotificationEmail('album.returned', { albumNumber: 100123, title: '夏日之歌', reason: '曲目二缺少演出者' }, 'zh-TW', options);
    expect(email.subject).toBe('專輯已退回：夏日之歌（專輯編號 100123）');
    expect(email.text).toContain('退回原因：曲目二缺少演出者');
    expect(email.text).toContain('https://isrc.example.org/albums/abc');
    expect(email.text).toContain('國家圖書館 ISRC 管理中心');
  });

  it('renders the same event in English from the same params', () => {
    const email = renderNotificationEmail('album.returned', { albumNumber: 100123, title: '夏日之歌', reason: '曲目二缺少演出者' }, 'en', options);
    expect(email.subject).toBe('Album returned: 夏日之歌 (album no. 100123)');
    expect(email.text).toContain('Reason: 曲目二缺少演出者');
    expect(email.text).toContain('View it in the ISRC registry: https://isrc.example.org/albums/abc');
  });

  it('has a text for every kind in both languages, with no placeholder left', () => {
    const cases: [string, Record<string, string | number>][] = [
      ['album.submitted', { albumNumber: 1, title: 'T', registrantName: 'R' }],
      ['album.approved', { albumNumber: 1, title: 'T' }],
      ['album.returned', { albumNumber: 1, title: 'T', reason: 'x' }],
      ['deposit.received', { albumNumber: 1, title: 'T', copies: 2 }],
      ['deposit.audioReceived', { albumNumber: 1, title: 'T', files: 2 }],
      ['deposit.audioSubmitted', { albumNumber: 1, title: 'T', registrantName: 'R', files: 2 }],
      ['application.submitted', { name: 'N' }],
      ['application.decided', { decision: 'approved', name: 'N', reason: '' }],
      ['application.decided', { decision: 'rejected', name: 'N', reason: 'x' }],
      ['changeRequest.submitted', { registrantName: 'R' }],
      ['changeRequest.decided', { decision: 'approved', reason: '' }],
      ['changeRequest.decided', { decision: 'rejected', reason: 'x' }],
    ];
    for (const [kind, params] of cases) {
      for (const locale of ['zh-TW', 'en'] as const) {
        const email = renderNotificationEmail(kind, params, locale, options);
        expect(email.subject, `${kind} ${locale}`).not.toMatch(/[{}]/);
        expect(email.text, `${kind} ${locale}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect(notificationTitle('changeRequest.decided', { decision: 'rejected', reason: 'x' }, 'zh-TW')).toBe('出版者資料異動申請未核准');
    expect(notificationTitle('changeRequest.decided', { decision: 'approved', reason: '' }, 'en')).toContain('approved');
  });

  it('keeps a subject on one line whatever the title holds', () => {
    const email = renderNotificationEmail('album.approved', { albumNumber: 7, title: 'A\r\nBcc: x@y' }, 'en', options);
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('says something for an unknown kind', () => {
    expect(notificationTitle('something.new', {}, 'zh-TW')).toBe('您有一則新通知');
    expect(notificationTitle('something.new', {}, 'en')).toBe('You have a new notification');
  });
});

describe(notificationPath.name, () => {
  it('sends each reader to their own page of the object', () => {
    expect(notificationPath('album', 'a1', 'member')).toBe('/albums/a1');
    expect(notificationPath('album', 'a1', 'staff')).toBe('/review/a1');
    expect(notificationPath('application', 'p1', 'staff')).toBe('/admin/applications/p1');
    expect(notificationPath('application', 'p1', 'applicant')).toBe('/application');
    expect(notificationPath('changeRequest', 'c1', 'staff')).toBe('/admin/change-requests/c1');
    expect(notificationPath('changeRequest', 'c1', 'member')).toBe('/change-requests');
    expect(notificationPath('other', 'x', 'member')).toBe('/notifications');
  });
});
