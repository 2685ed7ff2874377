/**
 * Small PDFs written the way modern tools write them, for the attachment checks: a one-page
 * document whose dictionaries sit either as plain objects or inside a compressed object stream
 * (/Type /ObjStm, FlateDecode) indexed by a cross-reference stream — the layout of Acrobat, Word's
 * "Save as PDF" and qpdf --object-streams=generate.
 */
import { deflateSync } from 'node:zlib';

export interface PdfParts {
  /** Extra entries of the catalog, e.g. `/OpenAction 4 0 R`. */
  catalog?: string;
  /** Further objects, numbered from 4 on (1 catalog, 2 pages, 3 page). */
  objects?: readonly string[];
  /** Put objects 1.. in one object stream instead of the file's text. */
  objectStream?: boolean;
  /** The object stream's dictionary entries besides /Type /N /First /Length (default `/Filter /FlateDecode`). */
  objectStreamFilter?: string;
  /** The object stream's data as written (default: deflated); lets a test damage or inflate it. */
  encodeObjectStream?: (plain: Buffer) => Buffer;
  /** Extra trailer entries, e.g. `/Encrypt 9 0 R`. */
  trailer?: string;
}

/** A one-page PDF with `parts`. */
export function buildPdf(parts: PdfParts = {}): Buffer {
  const bodies = [
    `<< /Type /Catalog /Pages 2 0 R ${parts.catalog ?? ''}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    ...(parts.objects ?? []),
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let size = chunks[0]?.length ?? 0;
  const push = (b: Buffer) => {
    chunks.push(b);
    size += b.length;
  };
  // Cross-reference entries: [type, field2, field3] per object number.
  const entries: Array<[number, number, number]> = [[0, 0, 65535]];
  if (parts.objectStream === true) {
    const streamNumber = bodies.length + 1;
    const offsets: number[] = [];
    let data = '';
    bodies.forEach((body) => {
      offsets.push(Buffer.byteLength(data, 'latin1'));
      data += `${body}\n`;
    });
    const index = bodies.map((_, i) => `${i + 1} ${offsets[i] ?? 0}`).join(' ') + '\n';
    const plain = Buffer.from(index + data, 'latin1');
    const encoded = (parts.encodeObjectStream ?? ((b: Buffer) => deflateSync(b)))(plain);
    bodies.forEach((_, i) => entries.push([2, streamNumber, i]));
    entries.push([1, size, 0]);
    push(
      Buffer.from(
        `${streamNumber} 0 obj\n<< /Type /ObjStm /N ${bodies.length} /First ${Buffer.byteLength(index)} ${parts.objectStreamFilter ?? '/Filter /FlateDecode'} /Length ${encoded.length} >>\nstream\n`,
        'latin1',
      ),
    );
    push(encoded);
    push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  } else {
    bodies.forEach((body, i) => {
      entries.push([1, size, 0]);
      push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
    });
  }
  const xrefNumber = entries.length;
  entries.push([1, size, 0]);
  const table = Buffer.alloc(entries.length * 7);
  entries.forEach(([type, a, b], i) => {
    table.writeUInt8(type, i * 7);
    table.writeUInt32BE(a, i * 7 + 1);
    table.writeUInt16BE(b, i * 7 + 5);
  });
  const xrefAt = size;
  push(Buffer.from(`${xrefNumber} 0 obj\n<< /Type /XRef /Size ${entries.length} /W [1 4 2] /Root 1 0 R ${parts.trailer ?? ''}/Length ${table.length} >>\nstream\n`, 'latin1'));
  push(table);
  push(Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
