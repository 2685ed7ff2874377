import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { misplacedPdfHeader, nameForType, sniffContentType, sniffRefusedImageFormat } from './content-type.js';

const SCANS = path.join(import.meta.dirname, '../../test/fixtures/scans');
const head = async (name: string) => (await readFile(path.join(SCANS, name))).subarray(0, 4100);
const card = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a6f97' } });
/** An ISO BMFF file-type box with these brands (major first). */
const ftyp = (major: string, ...compatible: string[]) => {
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write(`ftyp${major}`, 4, 'latin1');
  compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, 'latin1'));
  return Buffer.concat([box, Buffer.alloc(48)]);
};

describe('sniffRefusedImageFormat', () => {
  it('names the formats phones and scanners write, as their tools write them', async () => {
    expect(sniffRefusedImageFormat(await head('iphone.heic'))).toBe('HEIC');
    expect(sniffRefusedImageFormat(await head('scanner-2-pages.tif'))).toBe('TIFF');
    expect(sniffRefusedImageFormat(await head('scanner.bmp'))).toBe('BMP');
    expect(sniffRefusedImageFormat(await card().tiff().toBuffer())).toBe('TIFF');
    expect(sniffRefusedImageFormat(await card().webp().toBuffer())).toBe('WebP');
    expect(sniffRefusedImageFormat(await card().avif().toBuffer())).toBe('AVIF');
    expect(sniffRefusedImageFormat(await card().tiff({ bigtiff: true }).toBuffer())).toBe('TIFF');
  });

  it('judges HEIF by its brands: HEIC before a generic mif1, AVIF, and plain HEIF', () => {
    expect(sniffRefusedImageFormat(ftyp('mif1', 'mif1', 'heic'))).toBe('HEIC');
    expect(sniffRefusedImageFormat(ftyp('heix', 'mif1'))).toBe('HEIC');
    expect(sniffRefusedImageFormat(ftyp('mif1', 'avif', 'miaf'))).toBe('AVIF');
    expect(sniffRefusedImageFormat(ftyp('mif1', 'miaf'))).toBe('HEIF');
    // An MP4 video is a BMFF file too, but none of these.
    expect(sniffRefusedImageFormat(ftyp('isom', 'iso2', 'mp41'))).toBeUndefined();
  });

  it('names nothing in text that starts like BMP or RIFF, nor in the accepted types', async () => {
    expect(sniffRefusedImageFormat(Buffer.from('BMW annual report 2026, stamped and signed.'))).toBeUndefined();
    expect(sniffRefusedImageFormat(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    for (const bytes of [await card().jpeg().toBuffer(), await card().png().toBuffer(), Buffer.from('%PDF-1.7\n')]) {
      expect(sniffContentType(bytes)).toBeDefined();
      expect(sniffRefusedImageFormat(bytes)).toBeUndefined();
    }
  });
});

describe('misplacedPdfHeader', () => {
  it('finds %PDF- after junk within the first 1024 bytes only', () => {
    const pdf = Buffer.from('%PDF-1.4\n');
    expect(misplacedPdfHeader(pdf)).toBeUndefined();
    expect(misplacedPdfHeader(Buffer.concat([Buffer.from('<html>'), pdf]))).toBe(6);
    expect(misplacedPdfHeader(Buffer.concat([Buffer.alloc(1024, 0x20), pdf]))).toBe(1024);
    expect(misplacedPdfHeader(Buffer.concat([Buffer.alloc(1025, 0x20), pdf]))).toBeUndefined();
    expect(sniffContentType(Buffer.concat([Buffer.from('<html>'), pdf]))).toBeUndefined();
  });
});

describe('nameForType', () => {
  it('keeps a name whose extension fits the type found by content, in any case', () => {
    expect(nameForType('掃描.PDF', 'application/pdf')).toBe('掃描.PDF');
    expect(nameForType('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(nameForType('photo.JFIF', 'image/jpeg')).toBe('photo.JFIF');
    expect(nameForType('scan.png', 'image/png')).toBe('scan.png');
  });

  it("adds the type's extension to a name with none or with another one, so the download opens as what it is", () => {
    expect(nameForType('evil.exe', 'image/png')).toBe('evil.exe.png');
    expect(nameForType('scan.pdf', 'image/jpeg')).toBe('scan.pdf.jpg');
    expect(nameForType('no extension', 'application/pdf')).toBe('no extension.pdf');
    expect(nameForType('.png', 'image/png')).toBe('.png.png');
    expect(nameForType('scan.', 'image/gif')).toBe('scan..gif');
  });
});
