import { describe, expect, it } from 'vitest';
import { formatDateTime, formatFieldValue } from './field-values';

const yesNo = { yes: '是', no: '否' };

describe(formatFieldValue.name, () => {
  it('spells out credits, vocabulary codes, booleans, dates and nothing', () => {
    expect(
      formatFieldValue(
        'credits',
        [
          { role: 'performer', names: ['甲', '乙'] },
          { role: 'lyricist', names: [' '] },
        ],
        'zh-TW',
        yesNo,
      ),
    ).toBe('表演者：甲、乙');
    expect(formatFieldValue('releaseType', 'physical', 'zh-TW', yesNo)).toBe('實體發行');
    expect(formatFieldValue('releaseType', 'physical', 'en', yesNo)).toBe('Physical release');
    expect(formatFieldValue('retroactive', true, 'zh-TW', yesNo)).toBe('是');
    expect(formatFieldValue('releaseDate', '2026-05-01', 'zh-TW', yesNo)).toBe('2026.05.01');
    expect(formatFieldValue('title', '', 'zh-TW', yesNo)).toBe('—');
    expect(formatFieldValue('position', 3, 'zh-TW', yesNo)).toBe('3');
  });
});

describe(formatDateTime.name, () => {
  it('shows the agency clock', () => {
    expect(formatDateTime('2026-06-15T08:00:00Z', 'Asia/Taipei')).toBe('2026.06.15 16:00');
    expect(formatDateTime(null, 'Asia/Taipei')).toBe('—');
  });
});
