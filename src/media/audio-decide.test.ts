import { describe, expect, it } from 'vitest';
import { countedSeconds, decideAudio, durationTolerance, samplesPerPacket } from './audio-decide.js';
import type { FfprobeOutput, FfprobeStream } from './ffprobe-run.js';

// ffprobe answers as parseFfprobeJson returns them, for cases the generated files do not reach.

function stream(overrides: Partial<FfprobeStream>): FfprobeStream {
  return {
    index: 0,
    codecName: 'mp3',
    codecType: 'audio',
    profile: null,
    sampleRate: 44100,
    channels: 2,
    bitRate: 128000,
    duration: null,
    nbFrames: null,
    nbReadPackets: 116,
    attachedPic: false,
    ...overrides,
  };
}

function output(formatName: string, streams: FfprobeStream[], format: Partial<FfprobeOutput['format']> = {}): FfprobeOutput {
  return { format: { formatName, probeScore: 51, duration: 3.030204, size: 48900, bitRate: 129100, majorBrand: null, ...format }, streams };
}

const MP4 = 'mov,mp4,m4a,3gp,3g2,mj2';

describe(samplesPerPacket.name, () => {
  it.each([
    [{ codecName: 'mp3', sampleRate: 44100 }, 1152],
    [{ codecName: 'mp3', sampleRate: 22050 }, 576],
    [{ codecName: 'mp3', sampleRate: 8000 }, 576],
    [{ codecName: 'mp2', sampleRate: 48000 }, 1152],
    [{ codecName: 'aac', profile: 'LC' }, 1024],
    [{ codecName: 'aac', profile: 'HE-AACv2' }, 2048],
    [{ codecName: 'ac3' }, 1536],
    [{ codecName: 'alac' }, null],
    [{ codecName: 'pcm_s16le' }, null],
  ] as const)('%o → %s', (overrides, want) => {
    expect(samplesPerPacket(stream(overrides))).toBe(want);
  });

  it('counts 116 MPEG-1 Layer III frames at 44.1 kHz as 3.030 s', () => {
    expect(countedSeconds(stream({}))).toBeCloseTo(3.0302, 3);
  });
});

describe(decideAudio.name, () => {
  it('accepts a clean mp3 and reports the counted duration', () => {
    expect(decideAudio(output('mp3', [stream({})]), 'mp3')).toEqual({
      ok: true,
      container: 'mp3',
      contentType: 'audio/mpeg',
      technical: { codec: 'mp3', sampleRate: 44100, channels: 2, bitRate: 128000, durationMs: 3030 },
    });
  });

  it('refuses a QuickTime movie (brand "qt  ") named .mp4, and takes the MP4 brands', () => {
    const aac = stream({ codecName: 'aac', profile: 'LC', duration: 3, nbFrames: 131, nbReadPackets: 131 });
    expect(decideAudio(output(MP4, [aac], { majorBrand: 'qt  ' }), 'mp4')).toMatchObject({ ok: false, reason: 'quicktime' });
    for (const majorBrand of ['isom', 'M4A ', 'mp42', 'iso5', '3gp4', null]) {
      expect(decideAudio(output(MP4, [aac], { majorBrand, duration: 3 }), 'mp4')).toMatchObject({ ok: true, container: 'mp4' });
    }
  });

  it('refuses what ffprobe only guessed (a program named .mp3 scores 1)', () => {
    expect(decideAudio(output('mp3', [stream({ codecName: 'mp1' })], { probeScore: 1 }), 'mp3')).toMatchObject({ ok: false, reason: 'not-audio' });
  });

  it('calls MPEG Layer I and II by their name even when named .mp3', () => {
    expect(decideAudio(output('mp3', [stream({ codecName: 'mp2' })]), 'mp3')).toMatchObject({ ok: false, reason: 'mpeg-layer-2' });
    expect(decideAudio(output('mp3', [stream({ codecName: 'mp1' })]), 'mp3')).toMatchObject({ ok: false, reason: 'mpeg-layer-2' });
  });

  it('refuses a container with no audio stream, or an audio stream without packets', () => {
    expect(decideAudio(output(MP4, [stream({ codecType: 'video', codecName: 'h264' })]), 'mp4')).toMatchObject({ reason: 'no-audio-stream' });
    expect(decideAudio(output('mp3', [stream({ nbReadPackets: 0 })]), 'mp3')).toMatchObject({ reason: 'no-audio-stream' });
  });

  it('refuses content that disagrees with the extension', () => {
    expect(decideAudio(output('wav', [stream({ codecName: 'pcm_s16le', bitRate: 1411200 })], { duration: 3 }), 'mp3')).toMatchObject({
      reason: 'extension-mismatch',
    });
  });

  it('refuses an mp3 whose header claims 3 s while its frames last 1.4 s, within tolerance otherwise', () => {
    expect(decideAudio(output('mp3', [stream({ nbReadPackets: 54, duration: 3.030204 })]), 'mp3')).toMatchObject({ reason: 'duration-not-backed' });
    expect(decideAudio(output('mp3', [stream({ nbReadPackets: 110, duration: 3.030204 })]), 'mp3')).toMatchObject({ ok: true });
  });

  it('refuses an m4a that claims 1563 s over a few seconds of packets', () => {
    const aac = stream({ codecName: 'aac', profile: 'LC', nbFrames: 131, nbReadPackets: 131, duration: 1563 });
    expect(decideAudio(output(MP4, [aac], { duration: 1563 }), 'mp4')).toMatchObject({ reason: 'duration-not-backed' });
  });

  it('refuses an mp4 whose index lists more frames than are present, in any stream', () => {
    const video = stream({ index: 0, codecType: 'video', codecName: 'h264', nbFrames: 50, nbReadPackets: 20 });
    const aac = stream({ index: 1, codecName: 'aac', nbFrames: 88, nbReadPackets: 88, duration: 2 });
    const result = decideAudio(output(MP4, [video, aac], { duration: 2 }), 'mp4');
    expect(result).toMatchObject({ reason: 'duration-not-backed' });
    expect(result.ok ? '' : result.detail).toContain('stream 0 (h264)');
  });

  it('refuses a PCM file whose header promises more samples than its bytes hold', () => {
    const pcm = stream({ codecName: 'pcm_s16le', bitRate: 1411200, nbReadPackets: 65 });
    expect(decideAudio(output('wav', [pcm], { duration: 3, size: 264000 }), 'wav')).toMatchObject({ reason: 'duration-not-backed' });
    expect(decideAudio(output('wav', [pcm], { duration: 1.4963, size: 264000 }), 'wav')).toMatchObject({ ok: true, technical: { durationMs: 1496 } });
  });

  it('takes the container duration of an mp4 and tells a music video from audio with a cover', () => {
    const aac = stream({ index: 0, codecName: 'aac', nbFrames: 131, nbReadPackets: 131, duration: 3 });
    const cover = stream({ index: 1, codecType: 'video', codecName: 'png', attachedPic: true, nbFrames: 1, nbReadPackets: 1 });
    const video = stream({ index: 1, codecType: 'video', codecName: 'h264', nbFrames: 30, nbReadPackets: 30 });
    expect(decideAudio(output(MP4, [aac, cover], { duration: 3 }), 'mp4')).toMatchObject({ contentType: 'audio/mp4', technical: { durationMs: 3000 } });
    expect(decideAudio(output(MP4, [aac, video], { duration: 3 }), 'mp4')).toMatchObject({ contentType: 'video/mp4' });
  });

  it('accepts an mp4 audio codec of variable packet length on its index alone', () => {
    const alac = stream({ codecName: 'alac', nbFrames: 33, nbReadPackets: 33, duration: 3, bitRate: null });
    expect(decideAudio(output(MP4, [alac], { duration: 3, bitRate: 900000 }), 'mp4')).toMatchObject({ ok: true, technical: { codec: 'alac', bitRate: 900000 } });
  });

  it('backs an mp3 by the duration its Xing/VBRI header declares, not by ffprobe’s estimate from the file size', () => {
    // 300 KB of cover art in an APEv2 tag at the end: ffprobe estimates 25.6 s from the size.
    const estimated = output('mp3', [stream({ duration: 25.6 })], { duration: 25.6 });
    expect(decideAudio(estimated, 'mp3', { mp3DeclaredSeconds: null })).toMatchObject({ ok: true, technical: { durationMs: 3030 } });
    expect(decideAudio(estimated, 'mp3', { mp3DeclaredSeconds: 3.0302 })).toMatchObject({ ok: true, technical: { durationMs: 3030 } });
    expect(decideAudio(output('mp3', [stream({ nbReadPackets: 58 })]), 'mp3', { mp3DeclaredSeconds: 3.0302 })).toMatchObject({ reason: 'duration-not-backed' });
  });

  it('counts an mp4’s frames in the reading without edit lists when given: a trimmed track is whole', () => {
    // An edit list plays 1 s of a 3 s track: ffprobe reads 45 of the 131 frames the index lists.
    const trimmed = output(MP4, [stream({ codecName: 'aac', profile: 'LC', nbFrames: 131, nbReadPackets: 45, duration: 1 })], { duration: 1 });
    expect(decideAudio(trimmed, 'mp4')).toMatchObject({ reason: 'duration-not-backed' });
    const unedited = output(MP4, [stream({ codecName: 'aac', profile: 'LC', nbFrames: 131, nbReadPackets: 131, duration: 3.02 })], { duration: 3.02 });
    expect(decideAudio(trimmed, 'mp4', { withoutEditLists: unedited })).toMatchObject({ ok: true, technical: { durationMs: 1000 } });
    const cut = output(MP4, [stream({ codecName: 'aac', profile: 'LC', nbFrames: 131, nbReadPackets: 64, duration: 3.02 })], { duration: 3.02 });
    expect(decideAudio(trimmed, 'mp4', { withoutEditLists: cut })).toMatchObject({ reason: 'duration-not-backed' });
  });

  it('tolerates 0.5 s or 2 %, whichever is more', () => {
    expect(durationTolerance(3)).toBe(0.5);
    expect(durationTolerance(300)).toBe(6);
  });
});
