import { describe, expect, it } from 'vitest';
import { clientAddressKey, inetAddress } from './client-address.js';

describe('clientAddressKey', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(clientAddressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressKey(' 203.0.113.9 ')).toBe('203.0.113.9');
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address, however it is spelt', () => {
    expect(clientAddressKey('::ffff:1.2.3.4')).toBe('1.2.3.4');
    expect(clientAddressKey('::FFFF:1.2.3.4')).toBe('1.2.3.4');
    expect(clientAddressKey('::ffff:102:304')).toBe('1.2.3.4');
    expect(clientAddressKey('0:0:0:0:0:ffff:0102:0304')).toBe('1.2.3.4');
  });

  it('groups IPv6 addresses by their /64, compressed or expanded', () => {
    const key = '2001:db8:0:1::/64';
    expect(clientAddressKey('2001:db8:0:1::1')).toBe(key);
    expect(clientAddressKey('2001:0DB8:0000:0001:0000:0000:0000:0002')).toBe(key);
    expect(clientAddressKey('2001:db8::1:ffff:ffff:ffff:ffff')).toBe(key);
    expect(clientAddressKey('2001:db8:0:1:a:b:c:d')).toBe(key);
    expect(clientAddressKey('2001:db8:0:1::1.2.3.4')).toBe(key);
    expect(clientAddressKey('2001:db8:0:1::1%eth0')).toBe(key);
    expect(clientAddressKey('2001:db8:0:2::1')).toBe('2001:db8:0:2::/64');
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(clientAddressKey('::')).toBe('0:0:0:0::/64');
    expect(clientAddressKey('fe80::')).toBe('fe80:0:0:0::/64');
  });

  it('leaves anything that is not an address unchanged', () => {
    expect(clientAddressKey('')).toBe('');
    expect(clientAddressKey('unknown')).toBe('unknown');
    expect(clientAddressKey('2001:db8::1::2')).toBe('2001:db8::1::2');
  });
});

describe('inetAddress', () => {
  it('drops an IPv6 zone, which an inet column refuses', () => {
    expect(inetAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(inetAddress(' fe80::1%25 ')).toBe('fe80::1');
  });

  it('keeps an address as it is', () => {
    expect(inetAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(inetAddress('::ffff:1.2.3.4')).toBe('::ffff:1.2.3.4');
    expect(inetAddress('2001:db8::1')).toBe('2001:db8::1');
  });

  it('is null for what is no address', () => {
    expect(inetAddress('')).toBeNull();
    expect(inetAddress('unknown')).toBeNull();
    expect(inetAddress('1.2.3.4, 5.6.7.8')).toBeNull();
    expect(inetAddress('%eth0')).toBeNull();
  });
});
