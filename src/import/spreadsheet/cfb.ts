import { OLE_MAGIC } from './head-sniff.js';

/**
 * Just enough of the OLE compound file format ([MS-CFB]) to tell an encrypted Office file (streams
 * EncryptionInfo + EncryptedPackage: an encrypted .xlsx is an OLE file, not a zip) from an .xls
 * (a Workbook or Book stream) and to see whether that .xls is password-protected (a FILEPASS record
 * right after its BOF). Every chain walk is bounded by the number of sectors, so a hostile file
 * cannot loop.
 */

export interface CfbSummary {
  /** Stream and storage names, as written. */
  names: string[];
  /** The .xls Workbook/Book stream starts with BOF then FILEPASS: it is encrypted. */
  biffEncrypted: boolean;
}

const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
const DIR_ENTRY = 128;
const FILEPASS = 0x002f;
const BIFF_BOFS = new Set([0x0809, 0x0409, 0x0209, 0x0009]);

class Malformed extends Error {}

function check(condition: boolean): asserts condition {
  if (!condition) {
    throw new Malformed();
  }
}

interface Layout {
  buf: Buffer;
  sectorSize: number;
  sectorCount: number;
  fat: number[];
}

function sectorOffset(layout: Layout, sector: number): number {
  check(sector < layout.sectorCount);
  return (sector + 1) * layout.sectorSize;
}

/** The sectors of a chain, in order; a loop or a pointer past the file is malformed. */
function chain(layout: Layout, start: number): number[] {
  const sectors: number[] = [];
  let sector = start;
  while (sector !== END_OF_CHAIN) {
    check(sector < layout.sectorCount && sectors.length <= layout.sectorCount);
    sectors.push(sector);
    sector = layout.fat[sector] ?? END_OF_CHAIN;
  }
  return sectors;
}

function readChain(layout: Layout, start: number, maxBytes: number): Buffer {
  const parts: Buffer[] = [];
  let length = 0;
  for (const sector of chain(layout, start)) {
    if (length >= maxBytes) {
      break;
    }
    const offset = sectorOffset(layout, sector);
    parts.push(layout.buf.subarray(offset, offset + layout.sectorSize));
    length += layout.sectorSize;
  }
  return Buffer.concat(parts).subarray(0, maxBytes);
}

function readFatSectorList(buf: Buffer, sectorSize: number, sectorCount: number): number[] {
  const list: number[] = [];
  for (let i = 0; i < 109; i++) {
    const sector = buf.readUInt32LE(0x4c + i * 4);
    if (sector < sectorCount) {
      list.push(sector);
    }
  }
  let difat = buf.readUInt32LE(0x44);
  const perSector = sectorSize / 4 - 1;
  for (let hops = 0; difat < sectorCount; hops++) {
    check(hops <= sectorCount);
    const offset = (difat + 1) * sectorSize;
    for (let i = 0; i < perSector; i++) {
      const sector = buf.readUInt32LE(offset + i * 4);
      if (sector < sectorCount) {
        list.push(sector);
      }
    }
    difat = buf.readUInt32LE(offset + perSector * 4);
  }
  return list;
}

function layoutOf(buf: Buffer): Layout {
  check(buf.length >= 512 && buf.subarray(0, 8).equals(OLE_MAGIC));
  const shift = buf.readUInt16LE(0x1e);
  check(shift === 9 || shift === 12);
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((buf.length - sectorSize) / sectorSize);
  check(sectorCount > 0);
  const fat: number[] = [];
  for (const fatSector of readFatSectorList(buf, sectorSize, sectorCount)) {
    const offset = (fatSector + 1) * sectorSize;
    for (let i = 0; i < sectorSize / 4; i++) {
      fat.push(buf.readUInt32LE(offset + i * 4));
    }
  }
  return { buf, sectorSize, sectorCount, fat };
}

interface DirEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

function directory(layout: Layout): DirEntry[] {
  const dir = readChain(layout, layout.buf.readUInt32LE(0x30), layout.sectorCount * layout.sectorSize);
  const entries: DirEntry[] = [];
  for (let offset = 0; offset + DIR_ENTRY <= dir.length; offset += DIR_ENTRY) {
    const nameLength = Math.min(dir.readUInt16LE(offset + 0x40), 64);
    const type = dir.readUInt8(offset + 0x42);
    if (type === 0 || nameLength < 2) {
      continue;
    }
    entries.push({
      name: dir.subarray(offset, offset + nameLength - 2).toString('utf16le'),
      type,
      start: dir.readUInt32LE(offset + 0x74),
      size: dir.readUInt32LE(offset + 0x78),
    });
  }
  return entries;
}

/** The first bytes of a stream, from the mini stream when it is under the cutoff (4096 bytes). */
function streamHead(layout: Layout, entries: DirEntry[], entry: DirEntry, bytes: number): Buffer {
  const want = Math.min(bytes, entry.size);
  if (entry.size >= layout.buf.readUInt32LE(0x38)) {
    return readChain(layout, entry.start, want);
  }
  const root = entries.find((e) => e.type === 5);
  check(root !== undefined && root.start !== NO_STREAM);
  const miniStream = readChain(layout, root.start, root.size);
  const miniFatBytes = readChain(layout, layout.buf.readUInt32LE(0x3c), layout.sectorCount * layout.sectorSize);
  const miniSize = 1 << layout.buf.readUInt16LE(0x20);
  const parts: Buffer[] = [];
  let sector = entry.start;
  for (let hops = 0; sector !== END_OF_CHAIN && hops * miniSize < want; hops++) {
    check(sector * 4 + 4 <= miniFatBytes.length && (sector + 1) * miniSize <= miniStream.length);
    parts.push(miniStream.subarray(sector * miniSize, (sector + 1) * miniSize));
    sector = miniFatBytes.readUInt32LE(sector * 4);
  }
  return Buffer.concat(parts).subarray(0, want);
}

/** BOF, then FILEPASS among the next few records: the workbook is encrypted (RC4 or XOR). */
function hasFilePass(stream: Buffer): boolean {
  if (stream.length < 4 || !BIFF_BOFS.has(stream.readUInt16LE(0))) {
    return false;
  }
  let offset = 0;
  for (let record = 0; record < 8 && offset + 4 <= stream.length; record++) {
    const type = stream.readUInt16LE(offset);
    if (type === FILEPASS) {
      return true;
    }
    offset += 4 + stream.readUInt16LE(offset + 2);
  }
  return false;
}

/** The stream names of an OLE file and whether its .xls workbook is encrypted; undefined when malformed. */
export function inspectCfb(buf: Buffer): CfbSummary | undefined {
  try {
    const layout = layoutOf(buf);
    const entries = directory(layout);
    const workbook = entries.find((e) => e.type === 2 && ['workbook', 'book'].includes(e.name.toLowerCase()));
    return {
      names: entries.map((e) => e.name),
      biffEncrypted: workbook !== undefined && hasFilePass(streamHead(layout, entries, workbook, 512)),
    };
  } catch (error) {
    if (error instanceof Malformed || error instanceof RangeError) {
      return undefined;
    }
    throw error;
  }
}

export type OleKind = 'encrypted' | 'xls' | 'other';

export function oleKind(summary: CfbSummary): OleKind {
  const names = new Set(summary.names.map((n) => n.toLowerCase()));
  if (names.has('encryptioninfo') && names.has('encryptedpackage')) {
    return 'encrypted';
  }
  if (names.has('workbook') || names.has('book')) {
    return summary.biffEncrypted ? 'encrypted' : 'xls';
  }
  return 'other';
}
