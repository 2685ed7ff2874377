/**
 * RIFF/WAVE layouts that field recorders and broadcast tools write and sox/ffmpeg do not: a BWF with
 * `bext`, `LIST`/`INFO` and `iXML` before `data`, odd-sized chunks with their pad byte, and the
 * "still recording" sizes (0 or 0xFFFFFFFF) of a file streamed to disk. Built from the fmt and
 * data of a plain PCM WAV, so the samples are real.
 */

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');

function u32le(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}

/** A chunk with its pad byte when its size is odd (the size field keeps the odd size). */
export function chunk(id: string, content: Buffer): Buffer {
  const pad = content.length % 2 === 1 ? Buffer.from([0]) : Buffer.alloc(0);
  return Buffer.concat([ascii(id), u32le(content.length), content, pad]);
}

/** A chunk written by a writer that forgets the pad byte after an odd size (against RIFF). */
export function unpaddedChunk(id: string, content: Buffer): Buffer {
  return Buffer.concat([ascii(id), u32le(content.length), content]);
}

export interface WavParts {
  fmt: Buffer;
  data: Buffer;
}

/** The fmt and data contents of a plain RIFF/WAVE file (the first of each). */
export function wavParts(wav: Buffer): WavParts {
  let fmt: Buffer | undefined;
  let data: Buffer | undefined;
  let at = 12;
  while (at + 8 <= wav.length && (fmt === undefined || data === undefined)) {
    const id = wav.toString('latin1', at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    const content = wav.subarray(at + 8, at + 8 + size);
    if (id === 'fmt ') {
      fmt = content;
    } else if (id === 'data') {
      data = content;
    }
    at += 8 + size + (size % 2);
  }
  if (fmt === undefined || data === undefined) {
    throw new Error('wavParts: no fmt or data chunk');
  }
  return { fmt, data };
}

/** RIFF header around chunks, with the right size unless one is given. */
export function riffWave(chunks: Buffer[], riffSize?: number): Buffer {
  const body = Buffer.concat([ascii('WAVE'), ...chunks]);
  return Buffer.concat([ascii('RIFF'), u32le(riffSize ?? body.length), body]);
}

/** A `bext` chunk (EBU Tech 3285 v1): 602 bytes of fixed fields, then the coding history. */
export function bextChunk(description: string, originator: string, codingHistory: string): Buffer {
  const fixed = Buffer.alloc(602);
  fixed.write(description, 0, 256, 'latin1');
  fixed.write(originator, 256, 32, 'latin1');
  fixed.write('REF-0001', 288, 32, 'latin1');
  fixed.write('2026-01-15', 320, 10, 'latin1');
  fixed.write('10:30:00', 330, 8, 'latin1');
  // TimeReference (8 bytes) 0, then Version 1.
  fixed.writeUInt16LE(1, 346);
  return chunk('bext', Buffer.concat([fixed, ascii(codingHistory)]));
}

/** A LIST/INFO chunk; each item is NUL-terminated, so odd lengths get their pad byte. */
export function listInfoChunk(items: Record<string, string>): Buffer {
  return chunk('LIST', Buffer.concat([ascii('INFO'), ...Object.entries(items).map(([id, value]) => chunk(id, Buffer.concat([Buffer.from(value, 'utf8'), Buffer.from([0])])))]));
}

/** An `iXML` chunk as production recorders write it (its length is odd here on purpose). */
export function ixmlChunk(project: string): Buffer {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<BWFXML><IXML_VERSION>1.5</IXML_VERSION><PROJECT>${project}</PROJECT><SCENE>1</SCENE><TAKE>3</TAKE></BWFXML>\n`;
  const body = Buffer.from(xml.length % 2 === 1 ? xml : `${xml} `, 'utf8');
  return chunk('iXML', body);
}

/**
 * A recorder's file whose sizes were never written back: the data chunk (and RIFF) say 0 or
 * 0xFFFFFFFF and the samples run to the end of the file.
 */
export function streamedWav(parts: WavParts, size: 0 | 0xffffffff): Buffer {
  const dataHeader = Buffer.concat([ascii('data'), u32le(size)]);
  return riffWave([chunk('fmt ', parts.fmt), dataHeader, parts.data], size);
}

/** 8-bit mono PCM with an odd number of samples: the data chunk is odd-sized and padded. */
export function oddDataWav(samples: number, rate = 8000): Buffer {
  const pcm = Buffer.alloc(samples);
  for (let i = 0; i < samples; i += 1) {
    pcm[i] = 128 + Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 60);
  }
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE(rate, 8);
  fmt.writeUInt16LE(1, 12);
  fmt.writeUInt16LE(8, 14);
  return riffWave([chunk('fmt ', fmt), chunk('data', pcm)]);
}
