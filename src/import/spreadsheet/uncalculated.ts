/**
 * Formula cells saved without their result. Excel, LibreOffice, Google Sheets and Numbers store
 * each formula's last result beside it; a file written or re-saved by a program (openpyxl — which
 * drops every result on load and save —, pandas, many report generators) has the formula alone,
 * and SheetJS reads such a cell as nothing at all (or, for t="str", as an empty string). Programs
 * that cannot calculate may also store a placeholder: xlsxwriter 0 for every formula not given a
 * value=, POI's streaming SXSSF 0.0. Read, a track number =ROW()-1 or an ISRC ="TW…"&… would
 * silently import as blank or 0. This finds them in the sheets' XML (runs in the parsing child, on
 * the files SheetJS has already unzipped) so the importer can refuse each one by name. The same pass
 * collects the t="d" cells, whose ISO text iso-dates.ts reads instead of SheetJS.
 */

export interface CellAddress {
  r: number;
  c: number;
}

/** A cell typed t="d" (iso-dates.ts): its ISO 8601 text, to be read by us rather than by SheetJS. */
export interface IsoDateCell extends CellAddress {
  iso: string;
}

export interface SheetScan {
  uncalculated: CellAddress[];
  isoDates: IsoDateCell[];
  /** Set when more uncalculated cells were found than are reported: the workbook is refused whole. */
  tooMany?: true;
}

type ZipFiles = Readonly<Record<string, { content?: unknown } | undefined>>;

/**
 * At most this many uncalculated cells are reported for a workbook: enough to name them, bounded for
 * the IPC message. Every t="d" cell is, as each must be read by us (the cell limit bounds them).
 */
const MAX_REPORTED = 10_000;

// `[^<>]`, never `[^>]`, inside tags: a hostile part full of unclosed tags must not make a search
// run to the end of the text from every start (quadratic); `<` cannot stand in an attribute value.
const SHEET_TAG = /<(?:\w+:)?sheet\b[^<>]*>/g;
const REL_TAG = /<(?:\w+:)?Relationship\b[^<>]*>/g;
/** A row or cell start tag (prefixed as the Open XML SDK writes them); group 3 marks `<c/>`. */
const ROW_OR_CELL = /<(?:\w+:)?(row|c)\b([^<>]*?)(\/?)>/g;
/** Where a cell's content ends: its end tag or, in a sheet that never closes its cells, the next cell or row. */
const CELL_END = /<(?:\/(?:\w+:)?c>|(?:\w+:)?(?:c|row)\b)/g;
const FORMULA = /<(?:\w+:)?f\b/;
const ISO_TYPED = /\st="d"/;
/**
 * The stored result: absent or `<v/>` (openpyxl) is none. `<v></v>` is a computed empty string
 * (=IF(A1="","",…)) only in a text cell (t="str"; Excel and xlsxwriter write it so): on a number,
 * boolean or error cell (no t, t="n", "b", "e"), as openpyxl 3.0 writes every formula, it is none.
 */
const VALUE = /<(?:\w+:)?v\b[^>]*?(\/?)>([^<]*)/;
/** The cell types whose result may be an empty text. */
const TEXT_TYPES: ReadonlySet<string> = new Set(['str', 'inlineStr']);
/** A placeholder result: the number 0, as xlsxwriter (`0`) and POI's SXSSF (`0.0`) store an uncalculated formula. */
const ZERO = /^\s*0(?:\.0+)?\s*$/;

/**
 * Whether the writer said it calculated nothing: `fullCalcOnLoad` asks the next spreadsheet to
 * recalculate everything on opening (xlsxwriter, openpyxl, exceljs when asked, POI's
 * setForceFormulaRecalculation), and Apache POI (Application "Apache POI" until a spreadsheet
 * re-saves the file) computes results only when the program asks it to. Excel, LibreOffice and
 * Gnumeric calculate before saving and write neither.
 */
export function calculationUntrusted(files: ZipFiles): boolean {
  const calcPr = /<(?:\w+:)?calcPr\b[^>]*>/.exec(text(files, 'xl/workbook.xml') ?? '')?.[0] ?? '';
  if (/\sfullCalcOnLoad="(?:1|true)"/.test(calcPr)) {
    return true;
  }
  return /<(?:\w+:)?Application>\s*Apache POI\s*</.test(text(files, 'docProps/app.xml') ?? '');
}

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

/** Whether a formula cell's content (between `<c …>` and `</c>`) holds no result we may read. */
function withoutResult(attributes: string, content: string, untrusted: boolean): boolean {
  if (!FORMULA.test(content)) {
    return false;
  }
  const value = VALUE.exec(content);
  if (value === null || value[1] === '/') {
    return true;
  }
  const type = attribute(attributes, /\st="([^"]*)"/) ?? 'n';
  // Only text can be empty: an empty <v> of any other type is no result (SheetJS reads it as blank).
  if ((value[2] ?? '').trim() === '' && !TEXT_TYPES.has(type)) {
    return true;
  }
  // In a workbook nobody calculated, a numeric 0 is the writer's placeholder, not a result: read,
  // it would be track number 0, ISRC "0" or 否. A non-zero result can only be one the program gave.
  return untrusted && type === 'n' && ZERO.test(value[2] ?? '');
}

/**
 * One sheet's XML: the formula cells that have no result, and the t="d" cells. Rows and cells are
 * placed by their `r` or, where a streaming writer left it out, one after the previous (as SheetJS
 * places them).
 */
function scanSheet(xml: string, untrusted: boolean, room: number): SheetScan {
  const found: SheetScan = { uncalculated: [], isoDates: [] };
  let row = -1;
  let column = -1;
  ROW_OR_CELL.lastIndex = 0;
  for (let tag = ROW_OR_CELL.exec(xml); tag !== null; tag = ROW_OR_CELL.exec(xml)) {
    const [, name, attributes = '', selfClosing] = tag;
    const at = address(attribute(attributes, /\sr="([^"]*)"/) ?? '');
    if (name === 'row') {
      const r = Number(attribute(attributes, /\sr="(\d{1,7})"/) ?? Number.NaN);
      row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
      column = -1;
      continue;
    }
    column = at?.c ?? column + 1;
    if (selfClosing === '/') {
      continue;
    }
    CELL_END.lastIndex = ROW_OR_CELL.lastIndex;
    const end = CELL_END.exec(xml);
    const content = xml.slice(ROW_OR_CELL.lastIndex, end?.index ?? xml.length);
    const position = { r: at?.r ?? row, c: column };
    if (withoutResult(attributes, content, untrusted)) {
      if (found.uncalculated.length < room) {
        found.uncalculated.push(position);
      } else {
        // Unreported, such a cell would be read as its placeholder 0: the caller refuses the file.
        found.tooMany = true;
      }
    } else if (attribute(attributes, /\st="([^"]*)"/) === 'd') {
      const value = VALUE.exec(content);
      if (value !== null && value[1] !== '/' && value[2] !== undefined && value[2].trim() !== '') {
        found.isoDates.push({ ...position, iso: value[2].trim().slice(0, 100) });
      }
    }
  }
  return found;
}

/** Per sheet (in tab order): the formula cells with no stored result (or only a placeholder), and the t="d" cells. */
export function scanSheets(files: ZipFiles, sheetCount: number): SheetScan[] {
  const paths = sheetPaths(files);
  const untrusted = calculationUntrusted(files);
  let reported = 0;
  return Array.from({ length: sheetCount }, (_, index) => {
    const path = paths[index];
    const xml = path === undefined ? undefined : text(files, path);
    if (xml === undefined || !(FORMULA.test(xml) || ISO_TYPED.test(xml))) {
      return { uncalculated: [], isoDates: [] };
    }
    const found = scanSheet(xml, untrusted, MAX_REPORTED - reported);
    reported += found.uncalculated.length;
    return found;
  });
}

/** Per sheet (in tab order), the formula cells that have no stored result, or only a placeholder. */
export function uncalculatedCells(files: ZipFiles, sheetCount: number): CellAddress[][] {
  return scanSheets(files, sheetCount).map((scan) => scan.uncalculated);
}
