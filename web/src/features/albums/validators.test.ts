import type { FormRule } from 'antd';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhTW from '../../locales/zh-TW.json';
import { dateWarningRule, durationRule, recordingDateRule, releaseDateRule, requiredWarning, textOrNull } from './validators';
import { translator } from '../../test-support/translator';

/** Runs a rule's validator: null when it passes, else the message it rejects with. */
async function check(rule: FormRule, value: unknown): Promise<string | null> {
  if (typeof rule === 'function') {
    throw new Error('expected a plain rule object');
  }
  if (rule.validator === undefined) {
    throw new Error('rule has no validator');
  }
  try {
    await rule.validator(rule, value, () => undefined);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : `non-Error rejection: ${String(error)}`;
  }
}

const zh = translator(zhTW);
const english = translator(en);
/** The agency's year in these tests. */
const year2026 = () => 2026;

describe(requiredWarning.name, () => {
  it('only warns, so a draft can still be saved', () => {
    const rule = requiredWarning('album', 'title', 'zh-TW');
    expect(typeof rule === 'function' ? undefined : rule.warningOnly).toBe(true);
  });

  it.each([[''], ['   '], [undefined], [null]])("warns about the blank value %j with the submission check's message", async (value) => {
    expect(await check(requiredWarning('album', 'title', 'zh-TW'), value)).toBe('請輸入專輯名稱。');
    expect(await check(requiredWarning('album', 'title', 'en'), value)).toBe('Please enter the album title.');
  });

  it('is satisfied by any text', async () => {
    expect(await check(requiredWarning('album', 'publisher', 'zh-TW'), '滾石唱片')).toBeNull();
    expect(await check(requiredWarning('track', 'title', 'zh-TW'), ' a ')).toBeNull();
  });

  it('names the track field for track scope', async () => {
    expect(await check(requiredWarning('track', 'title', 'zh-TW'), '')).toBe('請輸入曲目名稱。');
    expect(await check(requiredWarning('track', 'productionCompany', 'en'), '')).toBe('Please enter the production company.');
  });

  it('"choose" asks to pick from a select and accepts any chosen code', async () => {
    const rule = requiredWarning('album', 'albumType', 'zh-TW', 'choose');
    expect(await check(rule, undefined)).toBe('請選擇專輯類型。');
    expect(await check(rule, null)).toBe('請選擇專輯類型。');
    expect(await check(rule, '')).toBe('請選擇專輯類型。');
    expect(await check(rule, 'solo')).toBeNull();
  });
});

describe(releaseDateRule.name, () => {
  it.each([[''], ['  '], [undefined]])('leaves the blank value %j to the required warning', async (value) => {
    expect(await check(releaseDateRule(zh, year2026), value)).toBeNull();
  });

  it.each([['2026'], ['2026.03'], ['2026.03.09'], ['2026-3-9'], ['2024.02.29'], ['2026年3月9日']])('accepts %s', async (value) => {
    expect(await check(releaseDateRule(zh, year2026), value)).toBeNull();
  });

  it.each([
    ['26.03.09', 'format'],
    ['2026.3.9.1', 'format'],
    ['2026.13', 'month'],
    ['2023.02.29', 'day'],
    ['2025.04.31', 'day'],
  ] as const)('refuses %s with the %s message', async (value, key) => {
    expect(await check(releaseDateRule(zh, year2026), value)).toBe(zhTW.catalogForm.date[key]);
    expect(await check(releaseDateRule(english, year2026), value)).toBe(en.catalogForm.date[key]);
  });

  it('refuses a year after the agency year + 5 (2099.01.01) and before 1877, saying the bound', async () => {
    expect(await check(releaseDateRule(zh, year2026), '2099.01.01')).toBe('日期不可晚於 2031 年（最多為今年之後 5 年），請確認年份');
    expect(await check(releaseDateRule(english, year2026), '2032')).toBe(
      'The date may not be after 2031 (at most 5 years after this year); please check the year.',
    );
    expect(await check(releaseDateRule(zh, year2026), '2031.12.31')).toBeNull();
    expect(
      await check(
        releaseDateRule(zh, () => 2027),
        '2032',
      ),
    ).toBeNull(); // asked each time: the bound follows the agency year
    expect(await check(releaseDateRule(zh, year2026), '1876.12.31')).toBe('日期不可早於 1877 年（最早的錄音）');
    expect(await check(releaseDateRule(english, year2026), '1800')).toBe('The date may not be before 1877 (the first sound recording).');
  });
});

describe(dateWarningRule.name, () => {
  it('only warns, so the date can still be saved', () => {
    const rule = dateWarningRule(zh, 'releaseDate', year2026);
    expect(typeof rule === 'function' ? undefined : rule.warningOnly).toBe(true);
  });

  it('warns about a year after next year, up to the bound', async () => {
    expect(await check(dateWarningRule(zh, 'releaseDate', year2026), '2028.01.01')).toBe('2028 年晚於明年（2027），請確認年份是否正確');
    expect(await check(dateWarningRule(english, 'recordingDate', year2026), '2031.12')).toBe(
      '2031 is after next year (2027); please check the year.',
    );
  });

  it.each([[''], [undefined], ['2027.12.31'], ['2026'], ['1877'], ['2099'], ['2025.09.01'], ['nonsense']])(
    'says nothing about %j (next year, earlier, blank, or refused by the error rule)',
    async (value) => {
      expect(await check(dateWarningRule(zh, 'releaseDate', year2026), value)).toBeNull();
    },
  );

  it('follows the recording date form', async () => {
    expect(await check(dateWarningRule(zh, 'recordingDate', year2026), '2028.01.01')).toBeNull(); // not a recording date at all
    expect(await check(dateWarningRule(zh, 'recordingDate', year2026), '2028.01')).toBe('2028 年晚於明年（2027），請確認年份是否正確');
  });
});

describe(recordingDateRule.name, () => {
  it.each([['2025'], ['2025.09'], ['2025-9'], [''], [undefined]])('accepts %j', async (value) => {
    expect(await check(recordingDateRule(zh, year2026), value)).toBeNull();
  });

  it("refuses a full day with the recording date's own format message", async () => {
    expect(await check(recordingDateRule(zh, year2026), '2025.09.01')).toBe('錄製日期格式應為 YYYY 或 YYYY.MM（例如 2025.09）');
    expect(await check(recordingDateRule(english, year2026), 'Sept 2025')).toBe('Use YYYY or YYYY.MM for the recording date (e.g. 2025.09).');
  });

  it('passes other errors through', async () => {
    expect(await check(recordingDateRule(zh, year2026), '2025.00')).toBe('月份應為 01 至 12');
    expect(await check(recordingDateRule(zh, year2026), '1876')).toBe('日期不可早於 1877 年（最早的錄音）');
    expect(await check(recordingDateRule(zh, year2026), '2099')).toBe('日期不可晚於 2031 年（最多為今年之後 5 年），請確認年份');
  });
});

describe(durationRule.name, () => {
  it.each([['0:04:05'], ['4:05'], ['245'], ['1:02:05'], ['99:59:59'], ['0:00:01'], [''], [undefined]])('accepts %j', async (value) => {
    expect(await check(durationRule(zh), value)).toBeNull();
  });

  it.each([['4分5秒'], ['0:60:00'], ['0:04:60'], ['100:00:00'], ['1.5']])('refuses %s as badly formed', async (value) => {
    expect(await check(durationRule(zh), value)).toBe('長度格式應為 時:分:秒（例如 0:04:05）');
  });

  it.each([['0'], ['0:00:00'], ['00000']])('refuses %s as out of range', async (value) => {
    expect(await check(durationRule(english), value)).toBe('The duration must be between 0:00:01 and 99:59:59.');
  });
});

describe(textOrNull.name, () => {
  it.each([[''], ['   '], ['\t\n'], [undefined], [null]])('turns the blank value %j into null, not an empty string', (value) => {
    expect(textOrNull(value)).toBeNull();
  });

  it('trims text', () => {
    expect(textOrNull('  0:04:05 ')).toBe('0:04:05');
    expect(textOrNull('x')).toBe('x');
  });
});
