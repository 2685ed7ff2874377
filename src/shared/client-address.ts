import { isIP, isIPv4, isIPv6 } from 'node:net';

/**
 * The client's address as an `inet` column takes it: without an IPv6 zone (`fe80::1%eth0`, as Node
 * reports a link-local client, names the interface, and PostgreSQL refuses it), or null when the
 * text is not an address at all (none known: '', or whatever a proxy put in X-Forwarded-For).
 */
export function inetAddress(address: string): string | null {
  const bare = address.trim().split('%')[0] ?? '';
  return isIP(bare) === 0 ? null : bare;
}

/**
 * The key a per-address limit counts a client under. An IPv4 address is itself (an IPv4-mapped
 * IPv6 address, `::ffff:1.2.3.4`, is the IPv4 address it maps: a dual-stack listener reports one
 * client both ways). An IPv6 address counts by its /64, written `2001:db8:0:1::/64`: a single home
 * or server is given a whole /64, so counting each full address would let one client take 2^64
 * allowances. Anything that is not an address (none known: '') is its own key, unchanged.
 */
export function clientAddressKey(address: string): string {
  const text = address.trim();
  if (isIPv4(text)) {
    return text;
  }
  // A zone (`fe80::1%eth0`) names the interface, not the client.
  const bare = text.split('%')[0] ?? '';
  if (!isIPv6(bare)) {
    return address;
  }
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (any spelling: `::`, a dotted IPv4 tail, upper case). */
function ipv6Groups(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  let text = address;
  if (dotted !== null) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const first = parse(head);
  const last = tail === undefined ? [] : parse(tail);
  return [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
}
