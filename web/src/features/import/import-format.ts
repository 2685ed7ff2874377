import type { ImportProblemView } from '../../../../src/import/import.schemas.js';
import { CREDIT_ROLES, labelOf } from '../../../../src/catalog/vocabularies.js';
import { MAX_COVER_BYTES } from '../../../../src/media/covers.schemas.js';

/** What the page can tell about a chosen file before sending it; the server decides by content. */
export type ChosenFileProblem = 'workbookType' | 'workbookTooLarge' | 'coverType' | 'coverTooLarge';

/** The server's limit (XLSX_LIMITS.maxFileBytes in src/import/spreadsheet/limits.ts, which the web may not import). */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

const COVER_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.gif'];

export function workbookProblem(file: { name: string; size: number }): ChosenFileProblem | undefined {
  if (!file.name.toLowerCase().endsWith('.xlsx')) {
    return 'workbookType';
  }
  return file.size > MAX_WORKBOOK_BYTES ? 'workbookTooLarge' : undefined;
}

export function coverProblem(file: { name: string; size: number }): ChosenFileProblem | undefined {
  const name = file.name.toLowerCase();
  if (!COVER_EXTENSIONS.some((ext) => name.endsWith(ext))) {
    return 'coverType';
  }
  return file.size > MAX_COVER_BYTES ? 'coverTooLarge' : undefined;
}

/** 作品職責 on one line, as the guide's preview shows them: 「表演者：林小安、王大明；作曲者：陳一」. */
export function creditsText(credits: readonly { role: string; names: readonly string[] }[], language: 'zh-TW' | 'en'): string {
  const [colon, between, next] = language === 'zh-TW' ? ['：', '、', '；'] : [': ', ', ', '; '];
  return credits
    .filter((c) => c.names.length > 0)
    .map((c) => `${labelOf(CREDIT_ROLES, c.role, language)}${colon}${c.names.join(between)}`)
    .join(next);
}

/** Errors before warnings, then by row (the whole file first), so the worst comes first. */
export function sortProblems(problems: readonly ImportProblemView[]): ImportProblemView[] {
  const rank = (p: ImportProblemView) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b) || (a.row ?? 0) - (b.row ?? 0));
}
