/**
 * A size as people read it, in binary units as 「500MB」 in the agency's guide means (the limits are
 * 500 × 1024 × 1024 bytes): 1536 → "1.5 KB", 500 MiB → "500 MB". Browser-safe: the web and the
 * server (BagIt's Bag-Size) say sizes the same way.
 */
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit] ?? 'B'}`;
}
