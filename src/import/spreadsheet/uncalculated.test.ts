import { describe, expect, it } from 'vitest';
import { calculationUntrusted, scanSheets, uncalculatedCells } from './uncalculated.js';

const file = (xml: string) => ({ content: Buffer.from(xml, 'utf8') });

const WORKBOOK = `<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
<sheet name="專輯" sheetId="1" r:id="rId2"/><sheet name="曲目" sheetId="2" r:id="rId1"/><sheet name="空" sheetId="3" r:id="rId3"/></sheets></workbook>`;
const RELS = `<Relationships><Relationship Id="rId1" Type="…/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Target="/xl/worksheets/sheet1.xml" Id="rId2" Type="…/worksheet"/><Relationship Id="rId3" Target="worksheets/sheet3.xml"/></Relationships>`;

describe(uncalculatedCells.name, () => {
  it('finds formulas saved without a result, in tab order through the relationships, whatever the writer', () => {
    const files = {
      'xl/workbook.xml': file(WORKBOOK),
      'xl/_rels/workbook.xml.rels': file(RELS),
      'xl/worksheets/sheet1.xml': file('<sheetData><row r="2"><c r="B2"><f>1+1</f><v>2</v></c><c r="C2" t="str"><f>A1&amp;"x"</f><v></v></c></row></sheetData>'),
      'xl/worksheets/sheet2.xml': file(
        [
          '<x:sheetData><x:row r="2">',
          '<x:c r="A2" s="1"><x:f>ROW()-1</x:f><x:v /></x:c>', // openpyxl / Open XML SDK: an empty <v/>
          '<c r="AB12"><f t="shared" ref="AB12:AB13" si="0">ROW()</f></c>', // no value at all
          '<c r="AB13"><f t="shared" si="0"/></c>', // a shared formula's other cell
          '<c r="D2" t="str"><f>UPPER("a")</f><v>A</v></c>', // a result: fine
          '<c r="E2" t="str"><f>IF(1,"","")</f><v></v></c>', // a computed empty string (Excel, xlsxwriter): fine
          '<c r="F2" s="3"/>', // a styled empty cell: no formula
          '</x:row></x:sheetData>',
        ].join(''),
      ),
    };
    expect(uncalculatedCells(files, 3)).toEqual([
      [],
      [
        { r: 1, c: 0 },
        { r: 11, c: 27 },
        { r: 12, c: 27 },
      ],
      [],
    ]);
  });

  const oneSheet = (sheet: string, workbookTail = '', app?: string) => ({
    'xl/workbook.xml': file(`<workbook xmlns:r="r"><sheets><sheet name="曲目" sheetId="1" r:id="rId1"/></sheets>${workbookTail}</workbook>`),
    'xl/_rels/workbook.xml.rels': file('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': file(sheet),
    ...(app === undefined ? {} : { 'docProps/app.xml': file(`<Properties><Application>${app}</Application></Properties>`) }),
  });
  // xlsxwriter without value= (0), POI SXSSF unevaluated (t="n", 0.0), a real non-zero result, a text result "0", a constant 0.
  const PLACEHOLDERS =
    '<sheetData><row r="2"><c r="A2"><f>ROW()-1</f><v>0</v></c><c r="B2" t="n"><f>ROW()-1</f><v>0.0</v></c><c r="C2"><f>ROW()</f><v>2</v></c><c r="D2" t="str"><f>"0"</f><v>0</v></c><c r="E2"><v>0</v></c></row></sheetData>';

  it('takes a formula’s stored 0 for a placeholder only where nobody calculated: fullCalcOnLoad or Apache POI', () => {
    expect(uncalculatedCells(oneSheet(PLACEHOLDERS, '<calcPr calcId="124519" fullCalcOnLoad="1"/>'), 1)).toEqual([
      [
        { r: 1, c: 0 },
        { r: 1, c: 1 },
      ],
    ]);
    expect(uncalculatedCells(oneSheet(PLACEHOLDERS, '', 'Apache POI'), 1)).toEqual([
      [
        { r: 1, c: 0 },
        { r: 1, c: 1 },
      ],
    ]);
    // Excel, LibreOffice, Gnumeric calculate before saving: a 0 there is a result.
    expect(uncalculatedCells(oneSheet(PLACEHOLDERS, '<calcPr calcId="191029"/>', 'Microsoft Excel'), 1)).toEqual([[]]);
    expect(calculationUntrusted(oneSheet('', '<x:calcPr fullCalcOnLoad="true"/>'))).toBe(true);
    expect(calculationUntrusted(oneSheet('', '<calcPr fullCalcOnLoad="0"/>', 'LibreOffice/7.4'))).toBe(false);
  });

  it('takes an empty <v></v> for no result unless the cell is text (t="str"): openpyxl 3.0 writes it for every formula', () => {
    const sheet =
      '<sheetData><row r="2">' +
      '<c r="A2"><f>ROW()-1</f><v></v></c>' + // no t: a number
      '<c r="B2" t="n"><f>DATE(2026,1,2)</f><v></v></c>' +
      '<c r="C2" t="b"><f>1=1</f><v></v></c>' +
      '<c r="D2" t="e"><f>NA()</f><v></v></c>' +
      '<c r="E2" s="3"><f>IF(TRUE,"&#26159;","&#21542;")</f><v> </v></c>' + // blank is not a number either
      '<c r="F2" t="str"><f>IF(1,"","")</f><v></v></c>' + // an empty text result
      '<c r="G2" t="inlineStr"><f>""</f><v></v></c>' +
      '<c r="H2" t="str"><f>" "</f><v> </v></c>' +
      '<c r="I2"><v></v></c>' + // no formula: nothing to calculate
      '</row></sheetData>';
    const expected = [0, 1, 2, 3, 4].map((c) => ({ r: 1, c }));
    // Whoever wrote the file: an empty number is never a result.
    expect(uncalculatedCells(oneSheet(sheet), 1)).toEqual([expected]);
    expect(uncalculatedCells(oneSheet(sheet, '<calcPr calcId="171027" fullCalcOnLoad="1"/>'), 1)).toEqual([expected]);
  });

  it('places rows and cells a streaming writer left without r, and finds t="str" formulas without a result', () => {
    const sheet =
      '<sheetData><row><c t="s"><v>0</v></c></row><row><c><v>1</v></c><c t="str"><f>"TW"&amp;"1"</f></c><c/><c t="n"><v/></c><c><f>1</f><v/></c></row>' +
      '<row r="7"><c r="C7" t="str"><f>"x"</f></c><c><f>1</f></c></row></sheetData>';
    expect(uncalculatedCells(oneSheet(sheet), 1)).toEqual([
      [
        { r: 1, c: 1 },
        { r: 1, c: 4 },
        { r: 6, c: 2 },
        { r: 6, c: 3 },
      ],
    ]);
  });

  it('collects t="d" cells with their ISO text, placed like the others', () => {
    const sheet = '<x:sheetData><x:row><x:c t="d"><x:v>2026-01-02T00:00:00+08:00</x:v></x:c><x:c s="3" t="d"><x:v>2025-09-01</x:v></x:c><x:c t="d"><x:v/></x:c></x:row></x:sheetData>';
    expect(scanSheets(oneSheet(sheet), 1)).toEqual([
      {
        uncalculated: [],
        isoDates: [
          { r: 0, c: 0, iso: '2026-01-02T00:00:00+08:00' },
          { r: 0, c: 1, iso: '2025-09-01' },
        ],
      },
    ]);
  });

  it('gives empty lists when the parts are missing or unreadable', () => {
    expect(uncalculatedCells({}, 2)).toEqual([[], []]);
    expect(uncalculatedCells({ 'xl/workbook.xml': { content: 'not bytes' } }, 1)).toEqual([[]]);
  });

  it('stays linear on a sheet whose cells are never closed, and still finds the formula in it', () => {
    const cells = Array.from({ length: 40_000 }, (_, i) => `<c r="A${i + 1}"><v>1</v>`).join('');
    const sheet = `<sheetData><row r="1">${cells}<c r="B1"><f>ROW()</f></row></sheetData>`;
    const started = performance.now();
    expect(uncalculatedCells(oneSheet(sheet), 1)).toEqual([[{ r: 0, c: 1 }]]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('says so when there are more uncalculated cells than it reports', () => {
    const row = (r: number) => `<row r="${r}">${`<c><f>1</f></c>`.repeat(100)}</row>`;
    const sheet = `<sheetData>${Array.from({ length: 101 }, (_, r) => row(r + 1)).join('')}</sheetData>`;
    const [scan] = scanSheets(oneSheet(sheet), 1);
    expect(scan?.uncalculated).toHaveLength(10_000);
    expect(scan?.tooMany).toBe(true);
    expect(scanSheets(oneSheet(`<sheetData>${row(1)}</sheetData>`), 1)[0]?.tooMany).toBeUndefined();
  });
});
