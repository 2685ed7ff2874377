import { describe, expect, it } from 'vitest';
import { CELL_REFUSAL_MESSAGES, cellRefusalMessage } from './cell-messages.js';
import { SPREADSHEET_REFUSAL_MESSAGES, isSpreadsheetRefusal, spreadsheetRefusalMessage } from './refusals.js';
import { TABLE_ISSUE_MESSAGES, tableIssueMessage } from './table-messages.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('spreadsheet messages', () => {
  it.each(Object.entries({ ...SPREADSHEET_REFUSAL_MESSAGES, ...CELL_REFUSAL_MESSAGES, ...TABLE_ISSUE_MESSAGES }))('%s says the same thing in zh-TW and English', (_code, texts) => {
    expect(texts['zh-TW']).toMatch(/[\u4e00-\u9fff]/);
    // English may quote the values a cell takes (是, 否), nothing else in Chinese.
    expect(texts.en.replace(/[是否]/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(placeholders(texts.en)).toEqual(placeholders(texts['zh-TW']));
  });

  it('fills placeholders from the detail', () => {
    expect(spreadsheetRefusalMessage('too-large', 'zh-TW', { sizeMb: 11, limitMb: 10 })).toBe('檔案大小 11 MB，超過上限 10 MB；請刪除多餘的工作表或圖片，或分成多個檔案上傳。');
    expect(cellRefusalMessage('code-as-number', 'en', { shown: '42' })).toContain('"42" was stored as a number');
    expect(tableIssueMessage({ code: 'merged-cells', severity: 'error', range: 'A3:A4' }, 'zh-TW')).toContain('A3:A4');
    expect(isSpreadsheetRefusal('bomb')).toBe(true);
    expect(isSpreadsheetRefusal('toString')).toBe(false);
  });
});
