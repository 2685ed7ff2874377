import { describe, expect, it } from 'vitest';
import { isChildMessage } from './read-protocol.js';

describe('isChildMessage', () => {
  it('takes a result only with its workbook as JSON text and a cell count', () => {
    expect(isChildMessage({ type: 'result', workbookJson: '{"date1904":false,"sheets":[]}', cells: 0 })).toBe(true);
    expect(isChildMessage({ type: 'result', workbook: { date1904: false, sheets: [] }, cells: 0 })).toBe(false);
    expect(isChildMessage({ type: 'result', workbookJson: 42, cells: 0 })).toBe(false);
    expect(isChildMessage({ type: 'result', workbookJson: '{}' })).toBe(false);
    expect(isChildMessage({ type: 'ready' })).toBe(true);
    expect(isChildMessage({ type: 'refused', reason: 'unreadable', detail: {} })).toBe(true);
    expect(isChildMessage({ type: 'other' })).toBe(false);
    expect(isChildMessage(null)).toBe(false);
  });
});
