/**
 * Finds XML markup declarations (`<!DOCTYPE`, `<!ENTITY`) in a part as it streams by. The Open
 * Packaging Conventions (ECMA-376 Part 2) do not allow DTD declarations in parts and no spreadsheet
 * program writes them; a file carrying one was made to attack an XML parser (entity expansion, "billion laughs",
 * or an external entity reading a server file), so the pre-scan refuses it before any parser runs.
 * UTF-16 parts are allowed by the standard, so both byte orders are looked for too.
 */

const KEYWORDS = ['<!DOCTYPE', '<!ENTITY'];

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.from(le).swap16();
}

const MARKERS: readonly Buffer[] = KEYWORDS.flatMap((k) => [Buffer.from(k, 'latin1'), Buffer.from(k, 'utf16le'), utf16be(k)]);
const LONGEST = Math.max(...MARKERS.map((m) => m.length));

export class MarkupDeclarationWatch {
  private tail = Buffer.alloc(0);
  found = false;

  /** Looks at the next chunk of the part, and across the seam with the previous one. */
  push(chunk: Buffer): void {
    if (this.found) {
      return;
    }
    const seam = Buffer.concat([this.tail, chunk.subarray(0, LONGEST - 1)]);
    this.found = MARKERS.some((m) => chunk.includes(m) || seam.includes(m));
    const keep = LONGEST - 1;
    this.tail = chunk.length >= keep ? Buffer.from(chunk.subarray(chunk.length - keep)) : Buffer.concat([this.tail, chunk]).subarray(-keep);
  }
}

/**
 * The parts a parser may read as XML: every part but pictures and embedded files. Not by extension:
 * SheetJS follows the relationships and reads a worksheet named `sheet1.dat` as XML too. Pictures
 * may be SVG, which design tools write with a DOCTYPE, and no reader parses them here.
 */
export function isXmlPart(lowerCaseName: string): boolean {
  return !lowerCaseName.startsWith('xl/media/') && !lowerCaseName.startsWith('xl/embeddings/');
}
