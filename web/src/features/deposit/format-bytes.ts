export { formatBytes } from '../../../../src/shared/format-bytes.js';

/** The first 12 hex digits of a SHA-256: enough to compare by eye; the full value goes in a title. */
export function shortChecksum(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}
