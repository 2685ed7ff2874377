/**
 * The HTTP `Range` header of a download (RFC 9110 §14), for playback that seeks. One range is
 * served; a header this server does not serve (another unit, several ranges, nonsense) is ignored
 * and the whole file is sent, as the RFC allows. Positions are inclusive.
 */
export type RangeRequest = { kind: 'whole' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/;

export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) {
    return { kind: 'whole' };
  }
  const match = SINGLE.exec(header.trim());
  if (match === null) {
    return { kind: 'whole' };
  }
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') {
    return { kind: 'whole' };
  }
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) {
      return { kind: 'unsatisfiable' };
    }
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || start >= size) {
    return { kind: 'unsatisfiable' };
  }
  if (end < start) {
    // `bytes=5-2` is invalid: ignored like any header that cannot be read.
    return { kind: 'whole' };
  }
  return { kind: 'partial', start, end };
}
