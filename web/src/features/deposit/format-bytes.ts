/** 1.5 MB: decimal units, one decimal above a kilobyte (sizes of audio files and bags). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** The first 12 hex digits of a SHA-256: enough to compare by eye; the full value goes in a title. */
export function shortChecksum(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}
