import { describe, expect, it } from 'vitest';
import { contactItems, telHref } from './contact';

describe(telHref.name, () => {
  it('dials the digits and keeps the extension', () => {
    expect(telHref('(02)2361-9132 轉 703')).toBe('tel:0223619132;ext=703');
    expect(telHref('02-2361-9132 分機 12')).toBe('tel:0223619132;ext=12');
    expect(telHref('+886 2 2361 9132 ext. 703')).toBe('tel:+886223619132;ext=703');
    expect(telHref('０２－２３６１－９１３２')).toBe('tel:0223619132');
    expect(telHref('請來信')).toBeUndefined();
  });
});

describe(contactItems.name, () => {
  it('lists address, phone and e-mail with links, leaving blank ones out', () => {
    expect(contactItems({ name: '中心', address: '臺北市中正區貴陽街一段 2 號', phone: '(02)2361-9132 轉 703', email: 'isrc@ncl.edu.tw' })).toEqual([
      { kind: 'address', text: '臺北市中正區貴陽街一段 2 號' },
      { kind: 'phone', text: '(02)2361-9132 轉 703', href: 'tel:0223619132;ext=703' },
      { kind: 'email', text: 'isrc@ncl.edu.tw', href: 'mailto:isrc@ncl.edu.tw' },
    ]);
    expect(contactItems({ name: '中心', address: ' ', phone: '', email: 'a@b.org' }).map((i) => i.kind)).toEqual(['email']);
  });
});
