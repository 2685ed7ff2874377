import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { isXmlPart, rewriteAstralRefs, rewriteContainerAstralRefs, type ZipContainer } from './astral-refs.js';

const rewritten = (xml: string): string => Buffer.from(rewriteAstralRefs(Buffer.from(xml, 'utf8'))).toString('utf8');

describe(rewriteAstralRefs.name, () => {
  it('writes references above U+FFFF as the character, decimal or hex, lower or upper case', () => {
    expect(rewritten('<t>&#127925;</t>')).toBe('<t>🎵</t>');
    expect(rewritten('<t>&#x1F3B5;</t>')).toBe('<t>🎵</t>');
    expect(rewritten('<t>&#x1f3b5;</t>')).toBe('<t>🎵</t>');
    expect(rewritten('<t>&#X1F3B5;</t>')).toBe('<t>🎵</t>');
    expect(rewritten('<t>&#x0001F3B5;</t>')).toBe('<t>🎵</t>');
    // The first and the last code points above the BMP.
    expect(rewritten('&#x10000;&#x10FFFF;')).toBe('\u{10000}\u{10FFFF}');
  });

  it('rewrites each of several references, next to each other and to other text, in shared and inline strings', () => {
    const sst = '<sst><si><t>歌&#x1F3B5;&#127926;名 &amp; &#x1F600;!</t></si><si><r><t>&#128512;</t></r></si></sst>';
    expect(rewritten(sst)).toBe('<sst><si><t>歌🎵🎶名 &amp; 😀!</t></si><si><r><t>😀</t></r></si></sst>');
    const inline = '<row r="2"><c r="A2" t="inlineStr"><is><t>&#x1F3B5; Song</t></is></c><c r="B2"><v>1</v></c></row>';
    expect(rewritten(inline)).toBe('<row r="2"><c r="A2" t="inlineStr"><is><t>🎵 Song</t></is></c><c r="B2"><v>1</v></c></row>');
  });

  it('leaves alone what SheetJS reads right or what is no character: ≤ U+FFFF, > U+10FFFF, surrogates, CDATA, malformed', () => {
    const kept = [
      '<t>&#10;&#x9;&#x4E2D;&#65535;&#xFFFF;&amp;&lt;</t>',
      '<t>&#x110000;&#1114112;&#99999999999999999999;</t>',
      '<t>&#xD83C;&#xDFB5;&#55356;</t>',
      '<t><![CDATA[&#x1F3B5;]]></t>',
      '<t>&#x1F3B5 &#x; &#; &#xG1F3B5; &#-127925;</t>',
    ];
    for (const xml of kept) {
      expect(rewritten(xml)).toBe(xml);
    }
    // Around a CDATA section (even one never closed), references are still rewritten.
    expect(rewritten('&#x1F3B5;<![CDATA[&#x1F3B5;]]>&#x1F3B5;')).toBe('🎵<![CDATA[&#x1F3B5;]]>🎵');
    expect(rewritten('&#x1F3B5;<![CDATA[&#x1F3B5;')).toBe('🎵<![CDATA[&#x1F3B5;');
  });

  it('gives back the very bytes when there is nothing to rewrite, and keeps other UTF-8 bytes intact', () => {
    const plain = Buffer.from('<t>中文 🎵 &amp;</t>', 'utf8');
    expect(rewriteAstralRefs(plain)).toBe(plain);
    const small = Buffer.from('<t>&#x4E2D;</t>', 'utf8');
    expect(rewriteAstralRefs(small)).toBe(small);
    expect(rewritten('<t>中文 🎵 &#x1F3B5;</t>')).toBe('<t>中文 🎵 🎵</t>');
  });

  it('reads a part that is a view into a larger buffer', () => {
    const whole = Buffer.from('xxxx<t>&#x1F3B5;</t>yyyy', 'utf8');
    const part = whole.subarray(4, whole.length - 4);
    expect(Buffer.from(rewriteAstralRefs(part)).toString('utf8')).toBe('<t>🎵</t>');
    expect(whole.toString('utf8')).toBe('xxxx<t>&#x1F3B5;</t>yyyy');
  });
});

describe(rewriteContainerAstralRefs.name, () => {
  it('rewrites the .xml and .rels parts of a container read by SheetJS’s CFB, not the others', () => {
    const cfb = XLSX.CFB as { utils: { cfb_new: () => ZipContainer; cfb_add: (zip: ZipContainer, name: string, content: Buffer) => void } };
    const zip = cfb.utils.cfb_new();
    const ref = Buffer.from('&#x1F3B5;');
    for (const name of ['xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels', 'XL/UPPER.XML', 'xl/media/image1.png', 'xl/vbaProject.bin']) {
      cfb.utils.cfb_add(zip, name, ref);
    }
    rewriteContainerAstralRefs(zip);
    const text = (name: string): string => {
      const index = zip.FullPaths.findIndex((path) => path.endsWith(name));
      return Buffer.from(zip.FileIndex[index]?.content as Uint8Array).toString('utf8');
    };
    expect(['xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels', 'XL/UPPER.XML'].map(text)).toEqual(['🎵', '🎵', '🎵']);
    expect(['xl/media/image1.png', 'xl/vbaProject.bin'].map(text)).toEqual(['&#x1F3B5;', '&#x1F3B5;']);
  });

  it('tells XML parts by their ending', () => {
    expect(['a.xml', 'b.rels', 'C.XML', 'x.vml', 'x.bin', 'xml'].map(isXmlPart)).toEqual([true, true, true, false, false, false]);
  });
});
