import type { ImportPreviewResponse, ImportProgress, ImportStreamLine } from '../../../../src/import/import.schemas.js';

/**
 * The streamed answer of 預覽資料 and 確認匯入 (`Accept: application/x-ndjson`): progress lines while
 * the server works, then one result or error line. Read as it grows (XMLHttpRequest's responseText),
 * so the page shows how far a 5,000-track catalogue is. Pure.
 */
export const NDJSON = 'application/x-ndjson';

export type StreamEnd = { type: 'result'; preview: ImportPreviewResponse } | { type: 'error'; status: number; body: unknown };

export class StreamReader {
  private consumed = 0;
  private end: StreamEnd | undefined;

  constructor(private readonly onProgress: (progress: ImportProgress) => void) {}

  /** Reads the complete lines of the text received so far (the whole text each time). */
  read(text: string): void {
    let newline = text.indexOf('\n', this.consumed);
    while (newline !== -1) {
      const line = text.slice(this.consumed, newline).trim();
      this.consumed = newline + 1;
      if (line !== '') {
        this.take(line);
      }
      newline = text.indexOf('\n', this.consumed);
    }
  }

  private take(line: string): void {
    let parsed: ImportStreamLine;
    try {
      // The server's ImportStreamLine is the contract.
      parsed = JSON.parse(line) as ImportStreamLine;
    } catch {
      return;
    }
    if (parsed.type === 'progress') {
      this.onProgress({ phase: parsed.phase, done: parsed.done, total: parsed.total });
    } else if (parsed.type === 'result') {
      this.end = { type: 'result', preview: parsed.preview };
    } else {
      this.end = { type: 'error', status: parsed.status, body: { error: parsed.error } };
    }
  }

  /** The result or error line, once read; undefined when the stream broke off before it. */
  result(): StreamEnd | undefined {
    return this.end;
  }
}

/** Percent of the tracks done; the reading phase counts as the start. */
export function progressPercent(progress: ImportProgress): number {
  if (progress.phase === 'reading' || progress.total === 0) {
    return 0;
  }
  return Math.min(100, Math.floor((progress.done * 100) / progress.total));
}
