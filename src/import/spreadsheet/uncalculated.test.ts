import { describe, expect, it } from 'vitest';
import { uncalculatedCells } from './uncalculated.js';

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
          '<c r="E2"><f>IF(1,"","")</f><v></v></c>', // a computed empty string (xlsxwriter): fine
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

  it('gives empty lists when the parts are missing or unreadable', () => {
    expect(uncalculatedCells({}, 2)).toEqual([[], []]);
    expect(uncalculatedCells({ 'xl/workbook.xml': { content: 'not bytes' } }, 1)).toEqual([[]]);
  });
});
