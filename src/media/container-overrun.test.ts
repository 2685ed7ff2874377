import { describe, expect, it } from 'vitest';
import { useTempFiles } from '../../test/helpers/temp-files.js';
import { chunk, oddDataWav, riffWave, streamedWav, unpaddedChunk, wavParts } from '../../test/media/riff-bytes.js';
import { MP3_ZERO_TAIL_BYTES, mp3ZeroTail, mp4BoxOverrun, mp4ExtraData, wavDataOverrun, wavExtraData, wavMissingPad } from './container-overrun.js';

const { file } = useTempFiles('overrun-');

const u32 = (value: number, le = true): Buffer => {
  const b = Buffer.alloc(4);
  if (le) {
    b.writeUInt32LE(value >>> 0);
  } else {
    b.writeUInt32BE(value >>> 0);
  }
  return b;
};
const u64 = (value: number, le = true): Buffer => {
  const b = Buffer.alloc(8);
  if (le) {
    b.writeBigUInt64LE(BigInt(value));
  } else {
    b.writeBigUInt64BE(BigInt(value));
  }
  return b;
};

/** 16-bit stereo PCM fmt, 0.1 s at 8 kHz of silence. */
const fmt = Buffer.from([1, 0, 2, 0, 0x40, 0x1f, 0, 0, 0, 0x7d, 0, 0, 4, 0, 16, 0]);
const pcm = Buffer.alloc(3200);

describe(wavDataOverrun.name, () => {
  it('passes a whole file, an odd padded data chunk, a recorder’s 0 / 0xFFFFFFFF sizes and chunks after data', async () => {
    expect(await wavDataOverrun(await file(riffWave([chunk('fmt ', fmt), chunk('data', pcm)])))).toBeUndefined();
    expect(await wavDataOverrun(await file(oddDataWav(801)))).toBeUndefined();
    expect(await wavDataOverrun(await file(streamedWav({ fmt, data: pcm }, 0)))).toBeUndefined();
    expect(await wavDataOverrun(await file(streamedWav({ fmt, data: pcm }, 0xffffffff)))).toBeUndefined();
    expect(await wavDataOverrun(await file(riffWave([chunk('fmt ', fmt), chunk('data', pcm), chunk('LIST', Buffer.from('INFOISFT'))])))).toBeUndefined();
  });

  it('finds a data chunk cut short, also after an ID3v2 tag some taggers put in front', async () => {
    const whole = riffWave([chunk('fmt ', fmt), chunk('data', pcm)]);
    expect(await wavDataOverrun(await file(whole.subarray(0, 1000)))).toMatch(/claims 3200 bytes, 956 are present/);
    const id3 = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([3, 0, 0, 0, 0, 0, 10]), Buffer.alloc(10)]);
    expect(await wavDataOverrun(await file(Buffer.concat([id3, whole]).subarray(0, 1020)))).toMatch(/claims 3200 bytes/);
    // Less than one sample frame short is a writer's rounding.
    expect(await wavDataOverrun(await file(whole.subarray(0, whole.length - 2)))).toBeUndefined();
    expect(wavParts(whole).data.length).toBe(3200);
  });

  it('checks an RF64 data size in ds64', async () => {
    const ds64 = (dataSize: number) => chunk('ds64', Buffer.concat([u64(0), u64(dataSize), u64(0), u32(0)]));
    const rf64 = (dataSize: number) =>
      Buffer.concat([Buffer.from('RF64', 'latin1'), u32(0xffffffff), Buffer.from('WAVE', 'latin1'), ds64(dataSize), chunk('fmt ', fmt), Buffer.from('data', 'latin1'), u32(0xffffffff), pcm]);
    expect(await wavDataOverrun(await file(rf64(3200)))).toBeUndefined();
    expect(await wavDataOverrun(await file(rf64(6400)))).toMatch(/claims 6400 bytes, 3200 are present/);
  });

  it('reads the big-endian sizes of a RIFX file, and finds one cut short', async () => {
    const be = (id: string, content: Buffer): Buffer => Buffer.concat([Buffer.from(id, 'latin1'), u32(content.length, false), content]);
    const beFmt = Buffer.from([0, 1, 0, 2, 0, 0, 0x1f, 0x40, 0, 0, 0x7d, 0, 0, 4, 0, 16]);
    const rifx = Buffer.concat([Buffer.from('RIFX', 'latin1'), u32(4 + 24 + 8 + pcm.length, false), Buffer.from('WAVE', 'latin1'), be('fmt ', beFmt), be('data', pcm)]);
    expect(await wavDataOverrun(await file(rifx))).toBeUndefined();
    expect(await wavDataOverrun(await file(rifx.subarray(0, 1000)))).toMatch(/claims 3200 bytes, 956 are present/);
  });
});

describe(mp3ZeroTail.name, () => {
  const frames = Buffer.concat(new Array<Buffer>(20).fill(Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413, 0x55)])));

  it('finds an MP3 ending in 4 KB of zeros (an unfinished download)', async () => {
    expect(await mp3ZeroTail(await file(Buffer.concat([frames, Buffer.alloc(MP3_ZERO_TAIL_BYTES)])))).toBe('the file ends in 4096 or more zero bytes');
  });

  it('passes frames, tags at the end and a few zero bytes of padding', async () => {
    expect(await mp3ZeroTail(await file(frames))).toBeUndefined();
    expect(await mp3ZeroTail(await file(Buffer.concat([frames, Buffer.alloc(MP3_ZERO_TAIL_BYTES - 1)])))).toBeUndefined();
    expect(await mp3ZeroTail(await file(Buffer.concat([frames, Buffer.alloc(5000), Buffer.from('TAG', 'latin1'), Buffer.alloc(125)])))).toBeUndefined();
    expect(await mp3ZeroTail(await file(Buffer.alloc(100)))).toBeUndefined();
  });
});

const box = (type: string, body: Buffer): Buffer => Buffer.concat([u32(body.length + 8, false), Buffer.from(type, 'latin1'), body]);

describe(mp4BoxOverrun.name, () => {
  it('passes whole boxes, a box "to the end" and a 64-bit size', async () => {
    const ftyp = box('ftyp', Buffer.from('isom\0\0\0\0isom', 'latin1'));
    expect(await mp4BoxOverrun(await file(Buffer.concat([ftyp, box('mdat', Buffer.alloc(100)), box('moov', Buffer.alloc(20))])))).toBeUndefined();
    expect(await mp4BoxOverrun(await file(Buffer.concat([ftyp, u32(0, false), Buffer.from('mdat', 'latin1'), Buffer.alloc(50)])))).toBeUndefined();
    const large = Buffer.concat([u32(1, false), Buffer.from('mdat', 'latin1'), u64(16 + 40, false), Buffer.alloc(40)]);
    expect(await mp4BoxOverrun(await file(Buffer.concat([ftyp, large])))).toBeUndefined();
  });

  it('finds a box that runs past the end (an mdat cut before its moov)', async () => {
    const ftyp = box('ftyp', Buffer.from('isom\0\0\0\0isom', 'latin1'));
    const whole = Buffer.concat([ftyp, box('mdat', Buffer.alloc(100)), box('moov', Buffer.alloc(20))]);
    expect(await mp4BoxOverrun(await file(whole.subarray(0, 70)))).toMatch(/^the mdat box at 20 claims 108 bytes, 50 are present$/);
    const large = Buffer.concat([u32(1, false), Buffer.from('mdat', 'latin1'), u64(16 + 4000, false), Buffer.alloc(40)]);
    expect(await mp4BoxOverrun(await file(Buffer.concat([ftyp, large])))).toMatch(/claims 4016 bytes/);
  });
});

describe(wavMissingPad.name, () => {
  const list = Buffer.from('INFOISFT\x01\x00\x00\x00a', 'latin1');

  it('names an odd chunk before data written without its pad byte', async () => {
    expect(await wavMissingPad(await file(riffWave([chunk('fmt ', fmt), unpaddedChunk('LIST', list), chunk('data', pcm)])))).toBe('the LIST chunk has an odd size (13) and no pad byte');
  });

  it('passes padded odd chunks and files without odd chunks', async () => {
    expect(await wavMissingPad(await file(riffWave([chunk('fmt ', fmt), chunk('LIST', list), chunk('data', pcm)])))).toBeUndefined();
    expect(await wavMissingPad(await file(riffWave([chunk('fmt ', fmt), chunk('data', pcm)])))).toBeUndefined();
  });
});

/** Another file joined after the audio: a zip's local header, its data and its end record. */
const zip = Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000', 'latin1'), Buffer.alloc(3000, 0x5a), Buffer.from('PK\u0005\u0006', 'latin1'), Buffer.alloc(18)]);
const page = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>', 'latin1');

describe(wavExtraData.name, () => {
  const wav = riffWave([chunk('fmt ', fmt), chunk('data', pcm)]);

  it('passes chunks after the data, a stale RIFF size, zero padding, a missing last pad byte and a recorder’s open data size', async () => {
    expect(await wavExtraData(await file(wav))).toBeUndefined();
    expect(
      await wavExtraData(await file(riffWave([chunk('fmt ', fmt), chunk('data', pcm), chunk('LIST', Buffer.from('INFOISFT\u0003\u0000\u0000\u0000ab\u0000\u0000', 'latin1'))]))),
    ).toBeUndefined();
    expect(await wavExtraData(await file(riffWave([chunk('fmt ', fmt), chunk('data', pcm)], 100)))).toBeUndefined();
    expect(await wavExtraData(await file(Buffer.concat([wav, Buffer.alloc(5000)])))).toBeUndefined();
    expect(await wavExtraData(await file(riffWave([chunk('fmt ', fmt), unpaddedChunk('data', pcm.subarray(1))])))).toBeUndefined();
    expect(await wavExtraData(await file(riffWave([chunk('fmt ', fmt), unpaddedChunk('data', pcm.subarray(1)), chunk('LIST', Buffer.from('INFO', 'latin1'))])))).toBeUndefined();
    expect(await wavExtraData(await file(Buffer.concat([streamedWav({ fmt, data: pcm }, 0xffffffff), zip])))).toBeUndefined();
  });

  it('refuses another file after the last chunk: an archive, a page', async () => {
    expect(await wavExtraData(await file(Buffer.concat([wav, zip])))).toBe(`${zip.length} bytes after the last chunk (offset ${wav.length}) belong to no chunk`);
    expect(await wavExtraData(await file(Buffer.concat([wav, page])))).toBe(`a chunk "<htm" at ${wav.length} runs past the end: not RIFF`);
    expect(await wavExtraData(await file(Buffer.concat([wav, Buffer.alloc(100), page])))).toMatch(/bytes after the last chunk/u);
  });
});

describe(mp4ExtraData.name, () => {
  const ftyp = box('ftyp', Buffer.from('isom\0\0\0\0isom', 'latin1'));
  const mp4 = Buffer.concat([ftyp, box('moov', Buffer.alloc(20)), box('mdat', Buffer.alloc(100))]);

  it('passes whole boxes, a trailing free box, zero padding, a box "to the end" and a cut mdat', async () => {
    expect(await mp4ExtraData(await file(mp4))).toBeUndefined();
    expect(await mp4ExtraData(await file(Buffer.concat([mp4, box('free', Buffer.alloc(8))])))).toBeUndefined();
    expect(await mp4ExtraData(await file(Buffer.concat([mp4, Buffer.alloc(5000)])))).toBeUndefined();
    expect(await mp4ExtraData(await file(Buffer.concat([ftyp, box('moov', Buffer.alloc(20)), u32(0, false), Buffer.from('mdat', 'latin1'), Buffer.alloc(50)])))).toBeUndefined();
    expect(await mp4ExtraData(await file(mp4.subarray(0, mp4.length - 10)))).toBeUndefined();
  });

  it('refuses another file after the last box: an archive, a page', async () => {
    expect(await mp4ExtraData(await file(Buffer.concat([mp4, zip])))).toBe(`${zip.length} bytes after the last box (offset ${mp4.length}) belong to no box`);
    expect(await mp4ExtraData(await file(Buffer.concat([mp4, page])))).toBe(`a box "l><b" at ${mp4.length} runs past the end: not MP4`);
  });
});
