/**
 * Formula cells saved without their result. Excel, LibreOffice, Google Sheets and Numbers store
 * each formula's last result beside it; a file written or re-saved by a program (openpyxl — which
 * drops every result on load and save —, pandas, many report generators) has the formula alone.
 * SheetJS reads such a cell as nothing at all, so a track number =ROW()-1 or an ISRC ="TW…"&…
 * would silently import as blank. This finds them in the sheets' XML (runs in the parsing child,
 * on the files SheetJS has already unzipped) so the importer can refuse each one by name.
 */

export interface CellAddress {
  r: number;
  c: number;
}

type ZipFiles = Readonly<Record<string, { content?: unknown } | undefined>>;

/** At most this many are reported for a workbook: enough to name them, bounded for the IPC message. */
const MAX_REPORTED = 10_000;

const SHEET_TAG = /<(?:\w+:)?sheet\b[^>]*>/g;
const REL_TAG = /<(?:\w+:)?Relationship\b[^>]*>/g;
/**
 * A cell whose formula is followed by no value or by `<v/>` (openpyxl), with optional namespace
 * prefixes as the Open XML SDK writes them. `<v></v>` is a computed empty string (=IF(A1="","",…);
 * Excel adds t="str", xlsxwriter does not) and does not match. Group 1: the cell's attributes.
 */
const FORMULA_CELL = /<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b(?:[^>]*\/>|[^>]*>[^<]*<\/(?:\w+:)?f>)\s*(?:<(?:\w+:)?v\s*\/>)?\s*<\/(?:\w+:)?c>/g;

function text(files: ZipFiles, path: string): string | undefined {
  const content = files[path]?.content;
  return content instanceof Uint8Array ? Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1') : undefined;
}

function attribute(tag: string, name: RegExp): string | undefined {
  return name.exec(tag)?.[1];
}

/** The workbook's sheet parts in tab order (as SheetJS lists SheetNames), via workbook.xml and its relationships. */
function sheetPaths(files: ZipFiles): (string | undefined)[] {
  const workbook = text(files, 'xl/workbook.xml') ?? '';
  const rels = text(files, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(REL_TAG)) {
    const id = attribute(tag, /\sId="([^"]*)"/);
    const target = attribute(tag, /\sTarget="([^"]*)"/);
    if (id !== undefined && target !== undefined) {
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
    }
  }
  return [...workbook.matchAll(SHEET_TAG)].map(([tag]) => {
    const id = attribute(tag, /\s\w+:id="([^"]*)"/);
    return id === undefined ? undefined : targets.get(id);
  });
}

/** "AB12" → { r: 11, c: 27 }. */
function address(ref: string): CellAddress | undefined {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (match === null) {
    return undefined;
  }
  const [, letters = '', digits = ''] = match;
  let c = 0;
  for (const ch of letters) {
    c = c * 26 + (ch.charCodeAt(0) - 64);
  }
  return { r: Number(digits) - 1, c: c - 1 };
}

/** Per sheet (in tab order), the formula cells that have no stored result. */
export function uncalculatedCells(files: ZipFiles, sheetCount: number): CellAddress[][] {
  const paths = sheetPaths(files);
  let reported = 0;
  return Array.from({ length: sheetCount }, (_, index) => {
    const path = paths[index];
    const xml = path === undefined ? undefined : text(files, path);
    const found: CellAddress[] = [];
    if (xml === undefined || !/<(?:\w+:)?f\b/.test(xml)) {
      return found;
    }
    for (const [, attributes = ''] of xml.matchAll(FORMULA_CELL)) {
      const at = address(attribute(attributes, /\sr="([^"]*)"/) ?? '');
      if (at !== undefined && reported < MAX_REPORTED) {
        found.push(at);
        reported += 1;
      }
    }
    return found;
  });
}
