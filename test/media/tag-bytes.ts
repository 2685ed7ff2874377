/**
 * Byte-level builders for test media that the command-line encoders cannot make: ID3v2.3/2.4 tags
 * with exact frames, an APEv2 tag, an iTunes `----:com.apple.iTunes:ISRC` atom, RIFF chunks, and the
 * hostile files (ftyp-only mp4, WAV without fmt). Written from the specifications, so a test can say
 * precisely which bytes a file holds.
 */

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');

function u32be(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value);
  return b;
}

function u32le(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}

/** ID3v2 "synchsafe" integer: 4 bytes of 7 bits each. */
function synchsafe(value: number): Buffer {
  return Buffer.from([(value >> 21) & 0x7f, (value >> 14) & 0x7f, (value >> 7) & 0x7f, value & 0x7f]);
}

export type Id3Frame = { id: 'TSRC'; text: string } | { id: 'TXXX'; description: string; text: string };

/**
 * An ID3v2 tag (version 3 or 4) holding text frames in ISO-8859-1. A NUL inside `text` is written
 * as is: ID3v2.4 separates several values that way.
 */
export function id3v2Tag(version: 3 | 4, frames: Id3Frame[]): Buffer {
  const body = Buffer.concat(
    frames.map((frame) => {
      const content =
        frame.id === 'TXXX' ? Buffer.concat([Buffer.from([0]), ascii(frame.description), Buffer.from([0]), ascii(frame.text)]) : Buffer.concat([Buffer.from([0]), ascii(frame.text)]);
      const size = version === 4 ? synchsafe(content.length) : u32be(content.length);
      return Buffer.concat([ascii(frame.id), size, Buffer.from([0, 0]), content]);
    }),
  );
  return Buffer.concat([ascii('ID3'), Buffer.from([version, 0, 0]), synchsafe(body.length), body]);
}

/** An APEv2 tag (header, items, footer) of UTF-8 text items, to append to an mp3. */
export function apeV2Tag(items: Record<string, string>): Buffer {
  const entries = Object.entries(items).map(([key, value]) => {
    const v = Buffer.from(value, 'utf8');
    return Buffer.concat([u32le(v.length), u32le(0), ascii(key), Buffer.from([0]), v]);
  });
  const itemBytes = Buffer.concat(entries);
  const HAS_HEADER = 0x80000000;
  const IS_HEADER = 0x20000000;
  const block = (flags: number): Buffer => Buffer.concat([ascii('APETAGEX'), u32le(2000), u32le(itemBytes.length + 32), u32le(entries.length), u32le(flags >>> 0), Buffer.alloc(8)]);
  return Buffer.concat([block(HAS_HEADER | IS_HEADER), itemBytes, block(HAS_HEADER)]);
}

function mp4Box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([u32be(body.length + 8), ascii(type), body]);
}

/** The freeform iTunes atom `----` with mean `com.apple.iTunes`, the given name and a UTF-8 value. */
export function itunesFreeformAtom(name: string, value: string): Buffer {
  return mp4Box('----', mp4Box('mean', u32be(0), ascii('com.apple.iTunes')), mp4Box('name', u32be(0), ascii(name)), mp4Box('data', u32be(1), u32be(0), Buffer.from(value, 'utf8')));
}

interface BoxSpan {
  start: number;
  end: number;
}

function findChild(file: Buffer, parent: BoxSpan, type: string, headerSkip: number): BoxSpan | undefined {
  let at = parent.start + 8 + headerSkip;
  while (at + 8 <= parent.end) {
    const size = file.readUInt32BE(at);
    if (size < 8) {
      return undefined;
    }
    if (file.toString('latin1', at + 4, at + 8) === type) {
      return { start: at, end: at + size };
    }
    at += size;
  }
  return undefined;
}

/**
 * Inserts `atom` at the end of moov/udta/meta/ilst of an mp4 that ffmpeg wrote (moov after mdat,
 * so no chunk offset moves) and grows every enclosing box.
 */
export function addToIlst(file: Buffer, atom: Buffer): Buffer {
  const whole: BoxSpan = { start: -8, end: file.length };
  const moov = findChild(file, whole, 'moov', 0);
  const mdat = findChild(file, whole, 'mdat', 0);
  if (moov === undefined || mdat === undefined || moov.start < mdat.start) {
    throw new Error('addToIlst needs an mp4 with moov after mdat');
  }
  const udta = findChild(file, moov, 'udta', 0);
  const meta = udta && findChild(file, udta, 'meta', 0);
  // meta is a full box: 4 bytes of version and flags before its children.
  const ilst = meta && findChild(file, meta, 'ilst', 4);
  if (udta === undefined || meta === undefined || ilst === undefined) {
    throw new Error('addToIlst needs moov/udta/meta/ilst (ffmpeg writes one with its encoder tag)');
  }
  const out = Buffer.concat([file.subarray(0, ilst.end), atom, file.subarray(ilst.end)]);
  for (const box of [moov, udta, meta, ilst]) {
    out.writeUInt32BE(out.readUInt32BE(box.start) + atom.length, box.start);
  }
  return out;
}

/** An mp4 that is nothing but its `ftyp` box. */
export function ftypOnlyMp4(): Buffer {
  return mp4Box('ftyp', ascii('isom'), u32be(0x200), ascii('isom'), ascii('iso2'), ascii('mp41'));
}

function riffChunk(id: string, content: Buffer): Buffer {
  const pad = content.length % 2 === 1 ? Buffer.from([0]) : Buffer.alloc(0);
  return Buffer.concat([ascii(id), u32le(content.length), content, pad]);
}

/** A RIFF/WAVE file with a data chunk of 16-bit samples but no fmt chunk. */
export function wavWithoutFmt(seconds: number): Buffer {
  const samples = Math.round(44100 * seconds);
  const pcm = Buffer.alloc(samples * 4);
  for (let i = 0; i < samples; i += 1) {
    const v = Math.round(Math.sin((2 * Math.PI * 440 * i) / 44100) * 8000);
    pcm.writeInt16LE(v, i * 4);
    pcm.writeInt16LE(v, i * 4 + 2);
  }
  const body = Buffer.concat([ascii('WAVE'), riffChunk('data', pcm)]);
  return Buffer.concat([ascii('RIFF'), u32le(body.length), body]);
}

/** Appends a LIST/INFO chunk with the given items to a RIFF/WAVE file and fixes the RIFF size. */
export function addRiffInfo(wav: Buffer, items: Record<string, string>): Buffer {
  const info = Buffer.concat([ascii('INFO'), ...Object.entries(items).map(([id, value]) => riffChunk(id, Buffer.concat([ascii(value), Buffer.from([0])])))]);
  const out = Buffer.concat([wav, riffChunk('LIST', info)]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}
