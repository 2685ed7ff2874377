import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { duplicateKey, looksLikeSameRecording, mainPerformerKey, SQL_STRIP_PATTERN, sqlDuplicateKeyOf } from './duplicate-key.js';

describe(duplicateKey.name, () => {
  it('folds width and ASCII case and drops spaces and punctuation', () => {
    expect(duplicateKey('Ｌｏｖｅ　Song!')).toBe('lovesong');
    expect(duplicateKey('「月亮代表 我的心」')).toBe('月亮代表我的心');
    expect(duplicateKey('Hello, World (Live)')).toBe('helloworldlive');
    expect(duplicateKey('A-B_C[d]\\e^f')).toBe('abcdef');
  });

  it('keeps letters outside ASCII as they are, like lower() under the C collation', () => {
    expect(duplicateKey('ÉMILE')).toBe('Émile');
    expect(duplicateKey('…——')).toBe('');
  });

  it('has a PostgreSQL bracket expression with the same characters', () => {
    expect(SQL_STRIP_PATTERN.startsWith('[[:space:]')).toBe(true);
    expect(SQL_STRIP_PATTERN).toContain('\\]');
    expect(SQL_STRIP_PATTERN).toContain('「」');
  });
});

describe(mainPerformerKey.name, () => {
  it('is the first name of the first performer credit', () => {
    expect(
      mainPerformerKey([
        { role: 'composer', names: ['甲'] },
        { role: 'performer', names: [' ', '王 小明', '李四'] },
        { role: 'performer', names: ['張三'] },
      ]),
    ).toBe('王小明');
    expect(mainPerformerKey([{ role: 'composer', names: ['甲'] }])).toBe('');
  });
});

describe(looksLikeSameRecording.name, () => {
  const base = { title: '夜曲', credits: [{ role: 'performer', names: ['周杰倫'] }], durationSeconds: 226 };
  it('matches the same title and performer within 2 seconds', () => {
    expect(looksLikeSameRecording(base, { ...base, title: '夜 曲！', durationSeconds: 228 })).toBe(true);
    expect(looksLikeSameRecording(base, { ...base, durationSeconds: 224 })).toBe(true);
  });
  it('does not match 3 seconds apart, another performer, or an unknown duration', () => {
    expect(looksLikeSameRecording(base, { ...base, durationSeconds: 229 })).toBe(false);
    expect(looksLikeSameRecording(base, { ...base, credits: [{ role: 'performer', names: ['蔡依林'] }] })).toBe(false);
    expect(looksLikeSameRecording(base, { ...base, durationSeconds: null })).toBe(false);
    expect(looksLikeSameRecording({ ...base, title: '!!!' }, { ...base, title: '???' })).toBe(false);
  });
});

describe('the expression index on recordings', () => {
  it('spells the duplicate key exactly as the query does (else PostgreSQL would not use it)', () => {
    const migration = readFileSync(new URL('../db/migrations/0008_integration.sql', import.meta.url), 'utf8');
    expect(migration).toContain(`USING btree ((${sqlDuplicateKeyOf('"title"')}), "duration_seconds")`);
  });
});
