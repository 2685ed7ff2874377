import { describe, expect, it } from 'vitest';
import { declaredSecondsIn, layer3Frame } from './mp3-vbr-header.js';

/** A Layer III frame of `length` bytes starting with `header`, its body zeros but for `body` at `at`. */
function frame(header: number[], length: number, body?: { at: number; bytes: Buffer }): Buffer {
  const out = Buffer.alloc(length);
  Buffer.from(header).copy(out, 0);
  body?.bytes.copy(out, body.at);
  return out;
}

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

// MPEG 1 Layer III, 128 kbit/s, 44.1 kHz, no padding, stereo: 417 bytes.
const MPEG1_STEREO = [0xff, 0xfb, 0x90, 0x64];
// MPEG 2.5 Layer III, 8 kbit/s, 8 kHz, mono: 72 bytes.
const MPEG25_MONO = [0xff, 0xe3, 0x18, 0xc4];

describe(layer3Frame.name, () => {
  it('reads the version, rate, channels and length of a frame header', () => {
    expect(layer3Frame(Buffer.from(MPEG1_STEREO), 0)).toEqual({ mpeg1: true, mono: false, sampleRate: 44100, samplesPerFrame: 1152, length: 417 });
    expect(layer3Frame(Buffer.from(MPEG25_MONO), 0)).toEqual({ mpeg1: false, mono: true, sampleRate: 8000, samplesPerFrame: 576, length: 72 });
  });

  it('is undefined for free format, Layer II, a reserved rate and no sync', () => {
    for (const header of [
      [0xff, 0xfb, 0x00, 0x64],
      [0xff, 0xfd, 0x90, 0x64],
      [0xff, 0xfb, 0x9c, 0x64],
      [0x49, 0x44, 0x33, 0x03],
    ]) {
      expect(layer3Frame(Buffer.from(header), 0)).toBeUndefined();
    }
  });
});

describe(declaredSecondsIn.name, () => {
  const next = frame(MPEG1_STEREO, 417);

  it('reads the frame count of a Xing or Info header (flag 1), after junk before the first frame', () => {
    const xing = frame(MPEG1_STEREO, 417, { at: 36, bytes: Buffer.concat([Buffer.from('Xing'), u32(0x0f), u32(116)]) });
    expect(declaredSecondsIn(Buffer.concat([xing, next]))).toBeCloseTo((116 * 1152) / 44100, 6);
    const info = frame(MPEG1_STEREO, 417, { at: 36, bytes: Buffer.concat([Buffer.from('Info'), u32(0x01), u32(50)]) });
    expect(declaredSecondsIn(Buffer.concat([Buffer.from([0xff, 0xfb, 0x12, 0x00, 0x11]), info, next]))).toBeCloseTo((50 * 1152) / 44100, 6);
  });

  it('reads a Fraunhofer VBRI header, and an MPEG 2.5 mono Xing after 9 bytes of side information', () => {
    const vbri = frame(MPEG1_STEREO, 417, { at: 36, bytes: Buffer.concat([Buffer.from('VBRI'), Buffer.from([0, 1, 0, 0, 0, 75]), u32(40000), u32(116)]) });
    expect(declaredSecondsIn(Buffer.concat([vbri, next]))).toBeCloseTo((116 * 1152) / 44100, 6);
    const low = frame(MPEG25_MONO, 72, { at: 13, bytes: Buffer.concat([Buffer.from('Xing'), u32(0x01), u32(44)]) });
    expect(declaredSecondsIn(Buffer.concat([low, frame(MPEG25_MONO, 72)]))).toBeCloseTo((44 * 576) / 8000, 6);
  });

  it('is null without a header, without its frame count, or without MPEG frames', () => {
    expect(declaredSecondsIn(Buffer.concat([next, next]))).toBeNull();
    const noFrames = frame(MPEG1_STEREO, 417, { at: 36, bytes: Buffer.concat([Buffer.from('Xing'), u32(0x0e), u32(116)]) });
    expect(declaredSecondsIn(Buffer.concat([noFrames, next]))).toBeNull();
    // A sync in the middle of text is no frame: nothing valid follows it.
    expect(declaredSecondsIn(Buffer.concat([Buffer.from(MPEG1_STEREO), Buffer.from('Xing and more text')]))).toBeNull();
    expect(declaredSecondsIn(Buffer.alloc(0))).toBeNull();
  });
});
