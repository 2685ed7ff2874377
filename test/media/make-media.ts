/**
 * Makes real media files for the audio tests with Debian's sox, lame and ffmpeg (installed by
 * .ci/run), plus the tags and hostile files those tools cannot write (see tag-bytes.ts). Every file
 * is short (2–3 s) so a full set takes a few seconds.
 *
 * Usage: `const media = await makeMedia(dir)` then `media.path('mp3-vbr-id3v23')`; or from a shell,
 * `npx tsx test/media/make-media.ts <dir>` to look at the files.
 */
import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { addRiffInfo, addToIlst, apeV2Tag, ftypOnlyMp4, id3v2Tag, itunesFreeformAtom, wavWithoutFmt } from './tag-bytes.js';

const run = promisify(execFile);

/** The ISRCs written into tags; the file name stem of each fixture is not an ISRC. */
export const TAG_ISRCS = {
  a: 'TWA122600001',
  b: 'TWA122600002',
  c: 'TWA122600003',
  d: 'TWA122600004',
  txxx: 'TWA122600005',
  ape: 'TWA122600006',
  itunes: 'TWA122600007',
  riffInfo: 'TWA122600009',
} as const;

/** Every fixture and the file name it gets (its extension is what a user would have named it). */
export const FIXTURES = {
  'mp3-cbr': 'mp3-cbr.mp3',
  'mp3-cbr-no-info': 'mp3-cbr-no-info.mp3',
  'mp3-vbr-id3v23': 'mp3-vbr-id3v23.mp3',
  'mp3-id3v24': 'mp3-id3v24.mp3',
  'mp3-txxx': 'mp3-txxx.mp3',
  'mp3-ape': 'mp3-ape.mp3',
  'mp3-22k-mono': 'mp3-22k-mono.mp3',
  'mp3-with-cover': 'mp3-with-cover.mp3',
  'wav-16-stereo': 'wav-16-stereo.wav',
  'wav-24-mono': 'wav-24-mono.wav',
  'wav-riff-info-isrc': 'wav-riff-info-isrc.wav',
  'm4a-itunes-isrc': 'm4a-itunes-isrc.mp4',
  'mp4-music-video': 'mp4-music-video.mp4',
  'mp4-video-only': 'mp4-video-only.mp4',
  'mp2-as-mp3': 'mp2-as-mp3.mp3',
  'mp3-vbr-truncated': 'mp3-vbr-truncated.mp3',
  'm4a-truncated': 'm4a-truncated.mp4',
  'mp4-ftyp-only': 'mp4-ftyp-only.mp4',
  'wav-without-fmt': 'wav-without-fmt.wav',
  'hls-as-mp3': 'hls-as-mp3.mp3',
  'elf-as-mp3': 'elf-as-mp3.mp3',
  'script-as-mp3': 'script-as-mp3.mp3',
  'text-as-mp3': 'text-as-mp3.mp3',
  'wav-as-mp3': 'wav-as-mp3.mp3',
  'm4a-as-mp3': 'm4a-as-mp3.mp3',
  empty: 'empty.mp3',
} as const;
export type FixtureName = keyof typeof FIXTURES;

export interface MediaFixtures {
  dir: string;
  path(name: FixtureName): string;
}

async function sox(out: string, rate: number, channels: number, bits: number, seconds = 3): Promise<void> {
  await run('sox', ['-n', '-r', String(rate), '-c', String(channels), '-b', String(bits), out, 'synth', String(seconds), 'sine', '440']);
}

async function lame(input: string, out: string, args: string[]): Promise<void> {
  await run('lame', ['--quiet', ...args, input, out]);
}

async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-v', 'error', '-nostdin', '-y', ...args]);
}

/** Prepends/appends bytes to a file made by a tool. */
async function wrap(from: string, to: string, before: Buffer, after: Buffer = Buffer.alloc(0)): Promise<void> {
  await writeFile(to, Buffer.concat([before, await readFile(from), after]));
}

/** Creates every fixture in `dir` (which must exist and be empty of these names). */
export async function makeMedia(dir: string): Promise<MediaFixtures> {
  const path = (name: FixtureName): string => join(dir, FIXTURES[name]);
  const tmp = (name: string): string => join(dir, `_${name}`);

  // Sources: a 3 s stereo 44.1 kHz tone and a 2 s mono 22.05 kHz one.
  const tone = tmp('tone.wav');
  await sox(tone, 44100, 2, 16);
  await sox(tmp('low.wav'), 22050, 1, 16, 2);

  await Promise.all([
    lame(tone, path('mp3-cbr'), ['--cbr', '-b', '128']),
    lame(tone, path('mp3-cbr-no-info'), ['--cbr', '-b', '128', '-t']),
    lame(tone, tmp('vbr.mp3'), ['-V', '4']),
    lame(tmp('low.wav'), path('mp3-22k-mono'), ['-V', '6']),
    copyFile(tone, path('wav-16-stereo')),
    sox(path('wav-24-mono'), 48000, 1, 24, 2),
    ffmpeg(['-i', tone, '-c:a', 'aac', '-b:a', '96k', tmp('plain.m4a')]),
    ffmpeg(['-i', tone, '-c:a', 'mp2', '-b:a', '192k', '-f', 'mp2', path('mp2-as-mp3')]),
  ]);
  // Cover art is a video stream marked attached_pic: the file stays audio.
  await ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=300x300', '-frames:v', '1', tmp('cover.png')]);
  await Promise.all([
    ffmpeg(['-i', path('mp3-cbr'), '-i', tmp('cover.png'), '-map', '0', '-map', '1', '-c', 'copy', '-id3v2_version', '3', '-f', 'mp3', path('mp3-with-cover')]),
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=2', '-i', tone, '-t', '2', ...['-c:v', 'libx264', '-preset', 'ultrafast'], '-c:a', 'aac', path('mp4-music-video')]),
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=2', '-an', '-c:v', 'libx264', '-preset', 'ultrafast', path('mp4-video-only')]),
  ]);

  const vbr = tmp('vbr.mp3');
  const { a, b, c, d, txxx, ape, itunes, riffInfo } = TAG_ISRCS;
  await wrap(vbr, path('mp3-vbr-id3v23'), id3v2Tag(3, [{ id: 'TSRC', text: `${a}/${b}` }]));
  await wrap(vbr, path('mp3-id3v24'), id3v2Tag(4, [{ id: 'TSRC', text: `${c}\0${d}` }]));
  // An invalid TSRC is dropped; the TXXX value, hyphenated here, is kept once.
  const txxxTag = id3v2Tag(3, [
    { id: 'TSRC', text: 'not an isrc' },
    { id: 'TXXX', description: 'ISRC', text: 'TW-A12-26-00005' },
    { id: 'TXXX', description: 'isrc', text: txxx },
  ]);
  await wrap(vbr, path('mp3-txxx'), txxxTag);
  await wrap(path('mp3-cbr'), path('mp3-ape'), Buffer.alloc(0), apeV2Tag({ ISRC: ape, Title: 'Tone' }));
  await writeFile(path('m4a-itunes-isrc'), addToIlst(await readFile(tmp('plain.m4a')), itunesFreeformAtom('ISRC', itunes)));
  await writeFile(path('wav-riff-info-isrc'), addRiffInfo(await readFile(tone), { INAM: 'Tone', ISRC: riffInfo }));

  // Hostile files.
  const vbrBytes = await readFile(vbr);
  await writeFile(path('mp3-vbr-truncated'), vbrBytes.subarray(0, Math.floor(vbrBytes.length / 2)));
  await ffmpeg(['-i', tone, '-c:a', 'aac', '-b:a', '96k', '-movflags', 'faststart', tmp('faststart.m4a')]);
  const faststart = await readFile(tmp('faststart.m4a'));
  await writeFile(path('m4a-truncated'), faststart.subarray(0, Math.floor(faststart.length / 2)));
  await writeFile(path('mp4-ftyp-only'), ftypOnlyMp4());
  await writeFile(path('wav-without-fmt'), wavWithoutFmt(1));
  // A real segment beside the playlist: without the whitelists ffprobe would open it.
  await copyFile(path('mp3-cbr'), join(dir, 'segment0.mp3'));
  await writeFile(path('hls-as-mp3'), '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:3\n#EXTINF:3.0,\nsegment0.mp3\n#EXT-X-ENDLIST\n');
  await writeElf(path('elf-as-mp3'));
  await writeFile(path('script-as-mp3'), '#!/bin/sh\necho "not music"\nexit 0\n', { mode: 0o644 });
  await writeFile(path('text-as-mp3'), 'Track list\n1. Tone (3:00)\n2. Another tone (2:00)\n'.repeat(40));
  await copyFile(tone, path('wav-as-mp3'));
  await copyFile(tmp('plain.m4a'), path('m4a-as-mp3'));
  await writeFile(path('empty'), Buffer.alloc(0));
  return { dir, path };
}

/** A real executable (this machine's `true`), or a minimal ELF header where there is none. */
async function writeElf(to: string): Promise<void> {
  try {
    await copyFile('/bin/true', to);
  } catch {
    const header = Buffer.alloc(4096);
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(header);
    await writeFile(to, header);
  }
}

// `npx tsx test/media/make-media.ts <dir>`: make the set somewhere to inspect it.
if (process.argv[1]?.endsWith('make-media.ts') === true && process.argv[2] !== undefined) {
  const dir = process.argv[2];
  makeMedia(dir).then(
    () => console.log(`fixtures written to ${dir}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
