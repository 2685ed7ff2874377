import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../src/import/import.schemas.js';
import { progressPercent, StreamReader } from './import-stream';

describe(StreamReader.name, () => {
  it('reads complete lines as the text grows, then the result', () => {
    const seen: ImportProgress[] = [];
    const sut = new StreamReader((p) => seen.push(p));
    const lines = [
      '{"type":"progress","phase":"reading","done":0,"total":1}',
      '{"type":"progress","phase":"checking","done":50,"total":100}',
      '{"type":"result","status":201,"preview":{"id":"x"}}',
    ];
    const text = `${lines.join('\n')}\n`;
    const cut = text.indexOf('checking') + 3;
    sut.read(text.slice(0, cut));
    expect(seen.map((p) => p.phase)).toEqual(['reading']);
    expect(sut.result()).toBeUndefined();
    sut.read(text);
    expect(seen.map((p) => p.phase)).toEqual(['reading', 'checking']);
    expect(sut.result()).toEqual({ type: 'result', preview: { id: 'x' } });
  });

  it('turns an error line into the error body the API client reads', () => {
    const sut = new StreamReader(() => undefined);
    sut.read('{"type":"error","status":409,"error":{"code":"IMPORT_HAS_ERRORS","message":"m"}}\n');
    expect(sut.result()).toEqual({ type: 'error', status: 409, body: { error: { code: 'IMPORT_HAS_ERRORS', message: 'm' } } });
  });
});

describe(progressPercent.name, () => {
  it('counts tracks done; reading is the start', () => {
    expect(progressPercent({ phase: 'reading', done: 0, total: 1 })).toBe(0);
    expect(progressPercent({ phase: 'writing', done: 2500, total: 5000 })).toBe(50);
    expect(progressPercent({ phase: 'checking', done: 0, total: 0 })).toBe(0);
  });
});
