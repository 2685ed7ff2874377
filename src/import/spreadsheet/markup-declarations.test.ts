import { describe, expect, it } from 'vitest';
import { isXmlPart, MarkupDeclarationWatch } from './markup-declarations.js';

function watched(chunks: readonly Buffer[]): boolean {
  const watch = new MarkupDeclarationWatch();
  chunks.forEach((c) => watch.push(c));
  return watch.found;
}

describe(MarkupDeclarationWatch.name, () => {
  it('finds a declaration inside one chunk and split over two or many', () => {
    const text = Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>');
    expect(watched([text])).toBe(true);
    for (let at = 1; at < text.length; at++) {
      expect(watched([text.subarray(0, at), text.subarray(at)]), `split at ${at}`).toBe(true);
    }
    expect(watched([...text].map((b) => Buffer.from([b])))).toBe(true);
    expect(watched([Buffer.from('<x>&lt;!ENTITY</x>'), Buffer.from('<!ENT'), Buffer.from('ITY')])).toBe(true);
  });

  it('finds UTF-16 in both byte orders, and nothing in ordinary parts', () => {
    const le = Buffer.from('<!ENTITY a "b">', 'utf16le');
    expect(watched([le.subarray(0, 5), le.subarray(5)])).toBe(true);
    expect(watched([Buffer.from(le).swap16()])).toBe(true);
    expect(watched([Buffer.from('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;!DOCTYPE&gt;</t></is></c></row></sheetData></worksheet>')])).toBe(
      false,
    );
    expect(watched([Buffer.from('<!DOC'), Buffer.from('<TYPE')])).toBe(false);
  });

  it('watches every part a parser may read as XML, whatever its name, but pictures and embedded files', () => {
    expect(['xl/workbook.xml', '_rels/.rels', '[content_types].xml', 'xl/worksheets/sheet1.dat'].map(isXmlPart)).toEqual([true, true, true, true]);
    expect(['xl/media/image1.svg', 'xl/embeddings/oleobject1.bin'].map(isXmlPart)).toEqual([false, false]);
  });
});
