import type { ParsingOptions } from '@e965/xlsx';

/**
 * How uploads are parsed with SheetJS: serial numbers, not Date objects (dates are converted with the
 * workbook's own date system), formats and formatted text kept, no formulas, styles or macros. The
 * import benchmark's bare read uses the same options, so it measures the same parse.
 */
export const SHEETJS_READ_OPTIONS: ParsingOptions = {
  type: 'buffer',
  dense: true,
  cellDates: false,
  cellFormula: false,
  cellHTML: false,
  cellNF: true,
  cellText: true,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
  nodim: true,
};
