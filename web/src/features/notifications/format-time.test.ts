import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format-time';

describe(formatDateTime.name, () => {
  it('shows the time in the agency zone', () => {
    expect(formatDateTime('2026-06-15T16:02:00Z', 'Asia/Taipei')).toBe('2026.06.16 00:02');
    expect(formatDateTime('2026-06-15T08:00:00Z', 'UTC')).toBe('2026.06.15 08:00');
    expect(formatDateTime('nonsense', 'UTC')).toBe('');
  });
});
