import type { FormInstance, FormRule } from 'antd';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhTW from '../../locales/zh-TW.json';
import { agencyClock } from '../agency/agency-clock';
import { isrcRules, ownCodeYearProblem, versionOfRules } from './isrc-rules';
import { translator } from '../../test-support/translator';

interface Outcome {
  warningOnly: boolean;
  message: string | null;
}

/** Runs a rule as the form would, with `fields` as the other values of the form. */
async function run(rule: FormRule, value: unknown, fields: Record<string, unknown> = {}): Promise<Outcome> {
  const form = { getFieldValue: (name: string): unknown => fields[name] } as unknown as FormInstance;
  const object = typeof rule === 'function' ? rule(form) : rule;
  if (object.validator === undefined) {
    throw new Error('rule has no validator');
  }
  const warningOnly = object.warningOnly === true;
  try {
    await object.validator(object, value, () => undefined);
    return { warningOnly, message: null };
  } catch (error) {
    return { warningOnly, message: error instanceof Error ? error.message : `non-Error rejection: ${String(error)}` };
  }
}

/** The blocking error and the warning the input shows for `value`. */
async function shown(
  rules: FormRule[],
  value: unknown,
  fields: Record<string, unknown> = {},
): Promise<{ error: string | null; warning: string | null }> {
  const outcomes = await Promise.all(rules.map((rule) => run(rule, value, fields)));
  const join = (list: Outcome[]) => {
    const messages = list.map((o) => o.message).filter((m): m is string => m !== null);
    return messages.length === 0 ? null : messages.join(' | ');
  };
  return { error: join(outcomes.filter((o) => !o.warningOnly)), warning: join(outcomes.filter((o) => o.warningOnly)) };
}

const zh = translator(zhTW);
const english = translator(en);
const OWN = { isrcMode: 'own' };
/** 境外錄音 ISRC on a recording produced abroad (是否為境外作品：是), as the server requires. */
const FOREIGN = { isrcMode: 'foreign', producedAbroad: true };
/** The agency's year now, as useAgency().agencyYear gives it. */
const in2026 = () => 2026;

describe(isrcRules.name, () => {
  it('has one blocking rule and one warning', async () => {
    const outcomes = await Promise.all(isrcRules(zh, 'zh-TW', undefined, in2026).map((rule) => run(rule, 'TWA012600001', OWN)));
    expect(outcomes.map((o) => o.warningOnly)).toEqual([false, true]);
  });

  it.each([[''], ['   '], [undefined]])('only warns that %j still needs an ISRC', async (value) => {
    expect(await shown(isrcRules(zh, 'zh-TW', ['A01'], in2026), value, OWN)).toEqual({
      error: null,
      warning: '請輸入 ISRC 編號，或點選「下一個可用編號」。',
    });
    expect((await shown(isrcRules(english, 'en', ['A01'], in2026), value, FOREIGN)).warning).toBe(
      'Please enter an ISRC or take the next available one.',
    );
  });

  describe('自行輸入 (a new code of ours)', () => {
    it.each([['TW-A01-26-00001'], ['twa012600001'], ['ISRC: TW A01 26 00001'], ['ＴＷＡ０１２６００００１'], [' TW\u2013A01\u201326\u201300001 ']])(
      'accepts our code typed as %s',
      async (typed) => {
        expect(await shown(isrcRules(zh, 'zh-TW', ['A01', 'B02'], in2026), typed, OWN)).toEqual({ error: null, warning: null });
      },
    );

    it('refuses a code of another registrant, listing ours', async () => {
      expect((await shown(isrcRules(zh, 'zh-TW', ['A01', 'B02'], in2026), 'tw-c03-26-00001', OWN)).error).toBe(
        '登記者代碼 C03 不是貴單位的代碼（貴單位的代碼：A01、B02）',
      );
      expect((await shown(isrcRules(english, 'en', ['A01', 'B02'], in2026), 'TWC032600001', OWN)).error).toBe(
        'Registrant code C03 is not yours (your codes: A01, B02).',
      );
    });

    it('does not check the registrant code when ours are not known', async () => {
      expect((await shown(isrcRules(zh, 'zh-TW', undefined, in2026), 'TWC032600001', OWN)).error).toBeNull();
      expect((await shown(isrcRules(zh, 'zh-TW', [], in2026), 'TWC032600001', OWN)).error).toBeNull();
    });

    it('treats a form without a chosen option as 自行輸入', async () => {
      expect((await shown(isrcRules(zh, 'zh-TW', ['A01'], in2026), 'TWC032600001', {})).error).toBe(
        '登記者代碼 C03 不是貴單位的代碼（貴單位的代碼：A01）',
      );
    });

    it.each([
      ['TW-A01-26', 'ISRC 應為 12 個字元，目前為 7 個'],
      ['TW-A01-26-0000?', 'ISRC 只能包含英文字母與數字，第 12 個字元「?」不符'],
      ['T1-A01-26-00001', '國碼應為 2 個英文字母，目前為 T1'],
      ['TW-A01-2X-00001', '年份應為 2 位數字，目前為 2X'],
      ['TW-A01-26-00000', '流水號不可為 00000，請從 00001 開始'],
    ])('refuses the badly formed %s', async (typed, message) => {
      expect(await shown(isrcRules(zh, 'zh-TW', ['A01'], in2026), typed, OWN)).toEqual({ error: message, warning: null });
    });

    it('refuses what the agency may not allocate: unknown or retired prefixes and future years', async () => {
      const rules = isrcRules(zh, 'zh-TW', undefined, in2026);
      expect((await shown(rules, 'AA-A01-26-00001', OWN)).error).toBe('國碼 AA 不在 IFPI 已分配的國碼清單中');
      expect((await shown(rules, 'YU-A01-26-00001', OWN)).error).toBe('國碼 YU 已停用，無法用於新的 ISRC');
      expect((await shown(rules, 'TW-A01-27-00001', OWN)).error).toBe('ISRC 年份不可晚於今年（2026）');
      expect((await shown(isrcRules(english, 'en', undefined, in2026), 'TW-A01-27-00001', OWN)).error).toBe(
        'The ISRC year cannot be later than this year (2026).',
      );
    });

    it('asks for the agency year when it validates, not when the rules are made', async () => {
      let year = 2026;
      const rules = isrcRules(zh, 'zh-TW', undefined, () => year);
      expect((await shown(rules, 'TW-A01-27-00001', OWN)).error).toBe('ISRC 年份不可晚於今年（2026）');
      year = 2027;
      expect((await shown(rules, 'TW-A01-27-00001', OWN)).error).toBeNull();
      expect((await shown(rules, 'TW-A01-28-00001', OWN)).error).toBe('ISRC 年份不可晚於今年（2027）');
    });

    it("takes the year from the agency's clock and zone: Taipei's new year on a browser clock still in 2026", async () => {
      // Browser clock one hour slow (15:30Z, 2026 in UTC); the server said 16:30Z, 00:30 on 1 January 2027 in Taipei.
      const browserNow = () => Date.parse('2026-12-31T15:30:00.000Z');
      const newYear = agencyClock('Asia/Taipei', 60 * 60_000, browserNow);
      expect((await shown(isrcRules(zh, 'zh-TW', undefined, newYear.agencyYear), 'TW-A01-27-00001', OWN)).error).toBeNull();
      const oldYear = agencyClock('Asia/Taipei', -60 * 60_000, browserNow);
      expect((await shown(isrcRules(zh, 'zh-TW', undefined, oldYear.agencyYear), 'TW-A01-27-00001', OWN)).error).toBe(
        'ISRC 年份不可晚於今年（2026）',
      );
    });

    it('checks the format before our registrant codes', async () => {
      expect((await shown(isrcRules(zh, 'zh-TW', ['A01'], in2026), 'TW-C03-26', OWN)).error).toBe('ISRC 應為 12 個字元，目前為 7 個');
    });
  });

  describe('境外錄音 (an existing foreign code)', () => {
    it('accepts any registrant code', async () => {
      expect(await shown(isrcRules(zh, 'zh-TW', ['A01'], in2026), 'US-RC1-24-07839', FOREIGN)).toEqual({ error: null, warning: null });
    });

    it('refuses a foreign code on a recording not produced abroad, as the server does', async () => {
      expect((await shown(isrcRules(zh, 'zh-TW', ['A01'], in2026), 'US-RC1-24-07839', { isrcMode: 'foreign', producedAbroad: false })).error).toBe(
        '境外錄音 ISRC 只能用於境外製作的錄音：請將「是否為境外作品」選為「是」，或改用本國的 ISRC 編號。',
      );
      expect((await shown(isrcRules(english, 'en', ['A01'], in2026), 'US-RC1-24-07839', { isrcMode: 'foreign' })).error).toMatch(
        /^A foreign recording's ISRC is only for a recording produced abroad/,
      );
    });

    it('still refuses a badly formed code', async () => {
      expect((await shown(isrcRules(english, 'en', undefined, in2026), 'US-RC1-24-0783', FOREIGN)).error).toBe(
        'An ISRC must have 12 characters; got 11.',
      );
    });

    it('only warns about an unknown or retired prefix and a future year', async () => {
      const rules = isrcRules(zh, 'zh-TW', ['A01'], in2026);
      expect(await shown(rules, 'AA-XYZ-20-00001', FOREIGN)).toEqual({
        error: null,
        warning: '國碼 AA 不在 IFPI 已分配的國碼清單中，請確認是否正確',
      });
      expect(await shown(rules, 'YU-XYZ-90-00001', FOREIGN)).toEqual({
        error: null,
        warning: '國碼 YU 已停用，僅適用於停用前核發的 ISRC，請確認是否正確',
      });
      expect(await shown(rules, 'GB-XYZ-27-00001', FOREIGN)).toEqual({ error: null, warning: 'ISRC 年份 2027 晚於今年（2026），請確認是否正確' });
    });

    it('shows every warning together, in reading order', async () => {
      const { error, warning } = await shown(isrcRules(english, 'en', undefined, in2026), 'aa-xyz-27-00001', FOREIGN);
      expect(error).toBeNull();
      expect(warning).toBe(
        "Country code AA is not in IFPI's list of allocated prefixes; please check it. The ISRC year 2027 is later than this year (2026); please check it.",
      );
    });
  });
});

describe('an own code against the year its registrant code was allocated', () => {
  const years = { allocatedYears: { A01: 2026, B02: 2010 }, retroactive: false };
  const ZH = 'ISRC 年份（1999）早於此登記者代碼的配發年份（2026）；錄製年代碼是編碼當年，除非本專輯為回溯編碼';

  it("refuses 1999 under a code of 2026 before saving, with the server's message", async () => {
    expect(await shown(isrcRules(zh, 'zh-TW', ['A01', 'B02'], in2026, years), 'TW-A01-99-00001', OWN)).toEqual({ error: ZH, warning: null });
    expect((await shown(isrcRules(english, 'en', ['A01', 'B02'], in2026, years), 'TWA012500001', OWN)).error).toBe(
      'The ISRC year (2025) is before its registrant code was allocated (2026); the year of reference is the year the ISRC is assigned, unless the album is a retroactive assignment.',
    );
  });

  it('accepts the allocation year and later, each code by its own year, and anything on a 回溯編碼 album', async () => {
    expect(await shown(isrcRules(zh, 'zh-TW', ['A01', 'B02'], in2026, years), 'TWA012600001', OWN)).toEqual({ error: null, warning: null });
    expect(await shown(isrcRules(zh, 'zh-TW', ['A01', 'B02'], in2026, years), 'TWB021000001', OWN)).toEqual({ error: null, warning: null });
    expect((await shown(isrcRules(zh, 'zh-TW', ['A01', 'B02'], in2026, years), 'TWB020900001', OWN)).error).toContain('（2010）');
    const retroactive = { ...years, retroactive: true };
    expect(await shown(isrcRules(zh, 'zh-TW', ['A01', 'B02'], in2026, retroactive), 'TWA019900001', OWN)).toEqual({ error: null, warning: null });
  });

  it('leaves it to the server while the years are not loaded, and never applies to foreign codes', async () => {
    expect(await shown(isrcRules(zh, 'zh-TW', ['A01'], in2026), 'TWA019900001', OWN)).toEqual({ error: null, warning: null });
    expect(await shown(isrcRules(zh, 'zh-TW', ['A01'], in2026, { allocatedYears: undefined, retroactive: false }), 'TWA019900001', OWN)).toEqual({
      error: null,
      warning: null,
    });
    expect((await shown(isrcRules(zh, 'zh-TW', ['A01'], in2026, years), 'USA019900001', FOREIGN)).error).toBeNull();
  });

  it(ownCodeYearProblem.name, () => {
    const parts = { countryCode: 'TW', registrantCode: 'A01', yearOfReference: 99, designation: 1 };
    expect(ownCodeYearProblem(parts, years)).toEqual({ kind: 'year-before-code', fullYear: 1999, allocatedYear: 2026 });
    expect(ownCodeYearProblem({ ...parts, registrantCode: 'C03' }, years)).toBeUndefined();
    expect(ownCodeYearProblem(parts, undefined)).toBeUndefined();
  });
});

describe(versionOfRules.name, () => {
  it('only warns that the original ISRC is still missing', async () => {
    expect(
      await shown(
        versionOfRules('zh-TW', () => null),
        '',
      ),
    ).toEqual({ error: null, warning: '請輸入原版本 ISRC。' });
    expect(
      await shown(
        versionOfRules('en', () => null),
        undefined,
      ),
    ).toEqual({ error: null, warning: 'Please enter the ISRC of the original version.' });
  });

  it('accepts an original ISRC in any spelling, of any country or year', async () => {
    for (const typed of ['TW-A01-25-00003', 'twa012500003', 'ISRC US-RC1-76-07839', 'AA-XYZ-99-00001']) {
      expect(
        await shown(
          versionOfRules('zh-TW', () => 'TWA012600001'),
          typed,
        ),
      ).toEqual({ error: null, warning: null });
    }
  });

  it('refuses a badly formed original ISRC', async () => {
    expect(
      (
        await shown(
          versionOfRules('zh-TW', () => null),
          'TW-A01-25',
        )
      ).error,
    ).toBe('ISRC 應為 12 個字元，目前為 7 個');
  });

  it('refuses the ISRC of this version itself, however it is spelt', async () => {
    const rules = versionOfRules('zh-TW', () => 'TWA012600001');
    expect((await shown(rules, 'tw-a01-26-00001')).error).toBe('新版本（如 Remix）必須使用與原版本不同的 ISRC。');
    expect(
      (
        await shown(
          versionOfRules('en', () => 'TWA012600001'),
          'TWA012600001',
        )
      ).error,
    ).toBe('A new version (e.g. a remix) needs an ISRC different from the original.');
  });

  it("asks for this version's ISRC when it validates, not when the rules are made", async () => {
    let own: string | null = null;
    const rules = versionOfRules('zh-TW', () => own);
    expect((await shown(rules, 'TWA012600001')).error).toBeNull();
    own = 'TWA012600001';
    expect((await shown(rules, 'TWA012600001')).error).toBe('新版本（如 Remix）必須使用與原版本不同的 ISRC。');
  });
});
