/**
 * Audio as more producers write it (DAWs, mastering tools, phones, taggers, editors), second round
 * after make-producer-media.ts: made at test time with Debian's sox, lame and ffmpeg (installed by
 * .ci/run) and the byte layouts of producer-bytes-2.ts. Each file is 3 s; the set takes a few seconds.
 *
 * `npx tsx test/media/make-producer-media-2.ts <dir>` writes the set somewhere to look at.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ffmpeg, lame, sox } from './media-tools.js';
import { amrNb, amrWb, apeV2, id3v1, id3v22, id3v23, id3v24, lyrics3v1, lyrics3v2, pictureContent, textContent, trimEditLists, wave64, withoutFtyp, withVbri } from './producer-bytes-2.js';
import { bextChunk, chunk, ixmlChunk, listInfoChunk, riffWave, streamedWav, unpaddedChunk, wavParts } from './riff-bytes.js';

/** The ISRC written into the tags of the tagged files. */
export const TAGGED_ISRC = 'TWA122600001';

/** Every file, with the name extension a registrant would give it. */
export const PRODUCER_FILES_2 = {
  // WAV as DAWs, recorders and broadcast tools write it
  'wav-rf64-16-small': 'wav',
  'wav-bw64': 'wav',
  'wav-bw64-axml-chna': 'wav',
  'wav-rf64-ds64-zero': 'wav',
  'wav-rf64-id3-isrc': 'wav',
  'wav-bwf-chunks-after-data': 'wav',
  'wav-bwf-chunks-before-data': 'wav',
  'wav-extensible-24': 'wav',
  'wav-extensible-float32': 'wav',
  'wav-float32-fact-peak': 'wav',
  'wav-float64': 'wav',
  'wav-pcm32': 'wav',
  'wav-8bit-mono': 'wav',
  'wav-8bit-stereo-22k': 'wav',
  'wav-192k-24': 'wav',
  'wav-mono-16': 'wav',
  'wav-size-0-extensible-24': 'wav',
  'wav-size-ffffffff-extensible-24': 'wav',
  'wav-riff-size-stale': 'wav',
  'wav-odd-data-no-pad-at-end': 'wav',
  'wav-id3v2-in-front': 'wav',
  'wav-alaw': 'wav',
  'wav-rifx': 'wav',
  // MP3 as encoders and taggers write it
  'mp3-id3v24-footer': 'mp3',
  'mp3-id3v24-unsync': 'mp3',
  'mp3-id3v23-unsync': 'mp3',
  'mp3-id3v22': 'mp3',
  'mp3-two-id3v2-tags': 'mp3',
  'mp3-ape-id3v1': 'mp3',
  'mp3-ape-cover': 'mp3',
  'mp3-vbr-ape-cover': 'mp3',
  'mp3-appended-id3v24-cover': 'mp3',
  'mp3-ape-png-cover': 'mp3',
  'mp3-appended-id3v24-png-cover': 'mp3',
  'mp3-lyrics3v2': 'mp3',
  'mp3-lyrics3v1': 'mp3',
  'mp3-vbri': 'mp3',
  'mp3-mpeg25-8k': 'mp3',
  'mp3-mpeg25-11k': 'mp3',
  'mp3-mpeg2-16k': 'mp3',
  'mp3-mpeg2-24k': 'mp3',
  'mp3-crc': 'mp3',
  'mp3-junk-first': 'mp3',
  'mp3-partial-frame-first': 'mp3',
  'mp3-zeros-before-audio': 'mp3',
  // mp4 as iTunes, phones and editors write it
  'mp4-m4a-itunes': 'mp4',
  'mp4-alac-faststart': 'mp4',
  'mp4-3gp': 'mp4',
  'mp4-3g2': 'mp4',
  'mp4-m4b': 'mp4',
  'mp4-f4v': 'mp4',
  'mp4-h264-bframes': 'mp4',
  'mp4-hevc-aac': 'mp4',
  'mp4-trimmed-copy': 'mp4',
  'mp4-edit-list-trim': 'mp4',
  'mp4-video-edit-list-trim': 'mp4',
  'mp4-start-delay': 'mp4',
  'mp4-timecode-track': 'mp4',
  'mp4-chapters': 'mp4',
  'mp4-two-audio-tracks': 'mp4',
  // refusals
  'mov-no-ftyp': 'mp4',
  'mov-no-ftyp-wide': 'mp4',
  'mov-chapters': 'mp4',
  'w64-as-wav': 'wav',
  'amr-as-mp3': 'mp3',
  'amr-wb-as-mp3': 'mp3',
  'mpeg-ts-as-mp4': 'mp4',
  'mpeg-ps-as-mp3': 'mp3',
  'flv-as-mp3': 'mp3',
  'mxf-as-wav': 'wav',
  'tta-as-wav': 'wav',
  'wav-rifx-truncated': 'wav',
  'wav-rf64-truncated': 'wav',
  'wav-bw64-truncated': 'wav',
  'mp3-vbri-truncated': 'mp3',
  'mp3-unfinished-download': 'mp3',
  'mp4-edit-list-trim-truncated': 'mp4',
} as const;
export type ProducerFile2 = keyof typeof PRODUCER_FILES_2;

export interface ProducerMedia2 {
  path(name: ProducerFile2): string;
  bytes(name: ProducerFile2): Promise<Buffer>;
}

const half = (bytes: Buffer): Buffer => bytes.subarray(0, Math.floor(bytes.length / 2));
const TESTSRC = ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=3'];

/** Creates every file in `dir`. */
export async function makeProducerMedia2(dir: string): Promise<ProducerMedia2> {
  const path = (name: ProducerFile2): string => join(dir, `${name}.${PRODUCER_FILES_2[name]}`);
  const tmp = (name: string): string => join(dir, `_${name}`);
  const write = (name: ProducerFile2, bytes: Buffer): Promise<void> => writeFile(path(name), bytes);
  const tone = tmp('tone.wav');
  const synth = (file: string, rate: number, channels: number, ...format: string[]): Promise<void> =>
    sox(['-n', '-r', String(rate), '-c', String(channels), ...format, file, 'synth', '3', 'sine', '440']);

  await Promise.all([
    synth(tone, 44100, 2, '-b', '16'),
    ffmpeg(['-f', 'lavfi', '-i', 'nullsrc=s=500x500,geq=random(1)*255:128:128', '-frames:v', '1', '-q:v', '2', tmp('cover.jpg')]),
    // A PNG cover: compressed data full of chance MPEG frame syncs.
    ffmpeg(['-f', 'lavfi', '-i', 'nullsrc=s=400x400,geq=random(1)*255:random(1)*255:128', '-frames:v', '1', tmp('cover.png')]),
    writeFile(tmp('chapters.txt'), ';FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=一\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=1500\nEND=3000\ntitle=二\n'),
  ]);
  const aac = ['-c:a', 'aac', '-b:a', '128k'];
  const h264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'];
  await Promise.all([
    ffmpeg(['-i', tone, '-c:a', 'pcm_s16le', '-rf64', 'always', path('wav-rf64-16-small')]),
    synth(path('wav-extensible-24'), 48000, 2, '-b', '24'),
    synth(path('wav-extensible-float32'), 48000, 2, '-e', 'floating-point', '-b', '32'),
    synth(path('wav-float64'), 44100, 2, '-e', 'floating-point', '-b', '64'),
    synth(path('wav-pcm32'), 44100, 2, '-b', '32'),
    synth(path('wav-8bit-mono'), 44100, 1, '-b', '8'),
    synth(path('wav-8bit-stereo-22k'), 22050, 2, '-b', '8'),
    synth(path('wav-192k-24'), 192000, 2, '-b', '24'),
    synth(path('wav-mono-16'), 44100, 1, '-b', '16'),
    synth(path('wav-rifx'), 44100, 2, '-b', '16', '-B'),
    synth(tmp('w64.w64'), 44100, 2, '-b', '16'),
    ffmpeg(['-i', tone, '-c:a', 'pcm_alaw', path('wav-alaw')]),
    lame(['--cbr', '-b', '128', tone, tmp('cbr.mp3')]),
    lame(['-V', '2', tone, tmp('vbr.mp3')]),
    lame(['--cbr', '-b', '128', '-t', tone, tmp('raw.mp3')]),
    lame(['--resample', '8', '-b', '8', tone, path('mp3-mpeg25-8k')]),
    lame(['--resample', '11.025', '-b', '16', tone, path('mp3-mpeg25-11k')]),
    lame(['--resample', '16', '-b', '32', tone, path('mp3-mpeg2-16k')]),
    lame(['--resample', '24', '-b', '48', tone, path('mp3-mpeg2-24k')]),
    lame(['-p', '-b', '128', tone, path('mp3-crc')]),
    ffmpeg(['-i', tone, ...aac, '-f', 'ipod', path('mp4-m4a-itunes')]),
    ffmpeg(['-i', tone, '-c:a', 'alac', '-movflags', '+faststart', '-f', 'ipod', path('mp4-alac-faststart')]),
    ffmpeg(['-i', tone, ...aac, '-f', '3gp', path('mp4-3gp')]),
    ffmpeg(['-i', tone, ...aac, '-f', '3g2', path('mp4-3g2')]),
    ffmpeg(['-i', tone, ...aac, '-brand', 'M4B ', '-f', 'ipod', path('mp4-m4b')]),
    ffmpeg(['-i', tone, ...aac, '-f', 'f4v', path('mp4-f4v')]),
    ffmpeg([...TESTSRC, '-i', tone, ...h264, ...aac, '-shortest', path('mp4-h264-bframes')]),
    ffmpeg([...TESTSRC, '-i', tone, '-c:v', 'libx265', '-tag:v', 'hvc1', '-pix_fmt', 'yuv420p', '-x265-params', 'log-level=none', ...aac, '-shortest', path('mp4-hevc-aac')]),
    ffmpeg(['-itsoffset', '0.5', '-i', tone, ...aac, path('mp4-start-delay')]),
    ffmpeg([...TESTSRC, '-i', tone, ...h264, '-preset', 'ultrafast', ...aac, '-shortest', '-timecode', '01:00:00:00', '-write_tmcd', '1', path('mp4-timecode-track')]),
    ffmpeg(['-i', tone, '-i', tmp('chapters.txt'), '-map_metadata', '1', '-map_chapters', '1', ...aac, path('mp4-chapters')]),
    ffmpeg(['-i', tone, '-i', tmp('chapters.txt'), '-map_metadata', '1', '-map_chapters', '1', ...aac, '-f', 'mov', path('mov-chapters')]),
    ffmpeg(['-i', tone, '-filter_complex', '[0:a]asplit=2[a][b]', '-map', '[a]', '-map', '[b]', ...aac, path('mp4-two-audio-tracks')]),
    ffmpeg(['-i', tone, ...aac, '-f', 'mov', tmp('movie.mov')]),
    ffmpeg(['-i', tone, ...aac, tmp('moov-at-end.mp4')]),
    ffmpeg(['-i', tone, ...aac, '-movflags', '+faststart', tmp('faststart.mp4')]),
    ffmpeg([...TESTSRC, '-i', tone, ...h264, '-preset', 'ultrafast', ...aac, '-shortest', tmp('video.mp4')]),
    ffmpeg(['-i', tone, ...aac, '-f', 'mpegts', path('mpeg-ts-as-mp4')]),
    ffmpeg(['-i', tone, '-c:a', 'mp2', '-f', 'mpeg', path('mpeg-ps-as-mp3')]),
    ffmpeg(['-i', tone, '-c:a', 'libmp3lame', '-f', 'flv', path('flv-as-mp3')]),
    ffmpeg(['-i', tone, '-ar', '48000', '-ac', '1', '-c:a', 'pcm_s16le', '-f', 'mxf_opatom', path('mxf-as-wav')]),
    ffmpeg(['-i', tone, '-c:a', 'tta', '-f', 'tta', path('tta-as-wav')]),
  ]);
  // ffmpeg copies from the key frame before 1 s and writes an edit list that starts at 1 s.
  await ffmpeg(['-ss', '1', '-i', path('mp4-h264-bframes'), '-c', 'copy', path('mp4-trimmed-copy')]);
  await makeWavs(tone, path, write);
  await makeMp3s(write, tmp);
  const movie = await readFile(tmp('movie.mov'));
  const faststartTrimmed = trimEditLists(await readFile(tmp('faststart.mp4')), 1);
  await Promise.all([
    write('mov-no-ftyp', withoutFtyp(movie, 'free')),
    write('mov-no-ftyp-wide', withoutFtyp(movie, 'wide')),
    write('mp4-edit-list-trim', trimEditLists(await readFile(tmp('moov-at-end.mp4')), 1)),
    write('mp4-video-edit-list-trim', trimEditLists(await readFile(tmp('video.mp4')), 2)),
    write('mp4-edit-list-trim-truncated', half(faststartTrimmed)),
    write('amr-as-mp3', amrNb(3)),
    write('amr-wb-as-mp3', amrWb(3)),
    write('w64-as-wav', await readFile(tmp('w64.w64'))),
  ]);
  return { path, bytes: (name) => readFile(path(name)) };
}

type Write = (name: ProducerFile2, bytes: Buffer) => Promise<void>;

async function makeWavs(tone: string, path: (name: ProducerFile2) => string, write: Write): Promise<void> {
  const { fmt, data } = wavParts(await readFile(tone));
  const ext24 = wavParts(await readFile(path('wav-extensible-24')));
  const float = wavParts(await readFile(path('wav-extensible-float32')));
  const mono8 = wavParts(await readFile(path('wav-8bit-mono')));
  const id3 = id3v23([{ id: 'TSRC', content: textContent(TAGGED_ISRC, false) }]);
  const bext = bextChunk('Tone take 3', 'Mastering DAW', 'A=PCM,F=44100,W=16,M=stereo,T=daw\r\n');
  const info = listInfoChunk({ INAM: 'Tone', ISFT: 'DAW 7.1' });
  // PEAK (Cubase, Audition): version, time stamp, then value and position per channel.
  const peak = Buffer.alloc(8 + 16);
  peak.writeUInt32LE(1, 0);
  peak.writeFloatLE(0.5, 8);
  peak.writeFloatLE(0.5, 16);
  const fact = Buffer.alloc(4);
  fact.writeUInt32LE(float.data.length / 8);
  const rf64 = await readFile(path('wav-rf64-16-small'));
  const bw64 = Buffer.concat([Buffer.from('BW64', 'latin1'), rf64.subarray(4)]);
  const rifxWav = await readFile(path('wav-rifx'));
  await Promise.all([
    write('wav-bw64', bw64),
    write('wav-bw64-axml-chna', wave64('BW64', fmt, data, { after: [chunk('axml', Buffer.from('<ebuCoreMain/>')), chunk('chna', Buffer.alloc(84))] })),
    write('wav-rf64-ds64-zero', wave64('RF64', fmt, data, { ds64DataSize: 0 })),
    write('wav-rf64-id3-isrc', wave64('RF64', fmt, data, { after: [chunk('id3 ', id3)] })),
    write('wav-bwf-chunks-after-data', riffWave([chunk('fmt ', fmt), chunk('data', data), bext, ixmlChunk('母帶'), info, chunk('id3 ', id3)])),
    write('wav-bwf-chunks-before-data', riffWave([bext, chunk('fmt ', fmt), ixmlChunk('母帶'), info, chunk('id3 ', id3), chunk('data', data)])),
    write('wav-float32-fact-peak', riffWave([chunk('fmt ', float.fmt), chunk('fact', fact), chunk('PEAK', peak), chunk('data', float.data)])),
    write('wav-size-0-extensible-24', streamedWav(ext24, 0)),
    write('wav-size-ffffffff-extensible-24', streamedWav(ext24, 0xffffffff)),
    // The RIFF size of the file before a LIST chunk was appended (never rewritten).
    write('wav-riff-size-stale', riffWave([chunk('fmt ', fmt), chunk('data', data), info], 4 + 24 + 8 + data.length)),
    // An odd number of 8-bit samples and no pad byte: the data chunk is the last, at the end of the file.
    write('wav-odd-data-no-pad-at-end', riffWave([chunk('fmt ', mono8.fmt), unpaddedChunk('data', mono8.data.subarray(1))])),
    write('wav-id3v2-in-front', Buffer.concat([id3, await readFile(tone)])),
    write('wav-rifx-truncated', half(rifxWav)),
    write('wav-rf64-truncated', half(rf64)),
    write('wav-bw64-truncated', half(bw64)),
  ]);
}

async function makeMp3s(write: Write, tmp: (name: string) => string): Promise<void> {
  const [cbr, vbr, raw, jpeg, png] = await Promise.all(['cbr.mp3', 'vbr.mp3', 'raw.mp3', 'cover.jpg', 'cover.png'].map((name) => readFile(tmp(name))));
  if (cbr === undefined || vbr === undefined || raw === undefined || jpeg === undefined || png === undefined) {
    throw new Error('makeMp3s: a source is missing');
  }
  const frames = (isrc: boolean) => [
    { id: 'TIT2', content: textContent('封面測試') },
    ...(isrc ? [{ id: 'TSRC', content: textContent(TAGGED_ISRC) }] : []),
    { id: 'APIC', content: pictureContent(jpeg) },
  ];
  const v23 = [
    { id: 'TSRC', content: textContent(TAGGED_ISRC, false) },
    { id: 'APIC', content: pictureContent(jpeg) },
  ];
  const apeCover = apeV2([
    { key: 'ISRC', value: Buffer.from(TAGGED_ISRC) },
    { key: 'Cover Art (Front)', value: Buffer.concat([Buffer.from('cover.jpg\u0000'), jpeg]), binary: true },
  ]);
  // lame counts the frames after its Xing frame: 3.03 s of 1152-sample frames at 44.1 kHz.
  const audioFrames = Math.round((3.0302 * 44100) / 1152);
  await Promise.all([
    write('mp3-id3v24-footer', Buffer.concat([id3v24(frames(true), { footer: true }), cbr])),
    write('mp3-id3v24-unsync', Buffer.concat([id3v24(frames(true), { unsync: true }), cbr])),
    write('mp3-id3v23-unsync', Buffer.concat([id3v23(v23, { unsync: true }), cbr])),
    write('mp3-id3v22', Buffer.concat([id3v22([{ id: 'TRC', content: textContent(TAGGED_ISRC, false) }]), cbr])),
    write('mp3-two-id3v2-tags', Buffer.concat([id3v23(v23), id3v24(frames(false)), cbr])),
    write('mp3-ape-id3v1', Buffer.concat([cbr, apeV2([{ key: 'ISRC', value: Buffer.from(TAGGED_ISRC) }]), id3v1('Tone')])),
    write('mp3-ape-cover', Buffer.concat([raw, apeCover, id3v1('Tone')])),
    write('mp3-vbr-ape-cover', Buffer.concat([vbr, apeCover])),
    write('mp3-appended-id3v24-cover', Buffer.concat([cbr, id3v24(frames(true), { footer: true })])),
    write('mp3-ape-png-cover', Buffer.concat([raw, apeV2([{ key: 'Cover Art (Front)', value: Buffer.concat([Buffer.from('cover.png\u0000'), png]), binary: true }])])),
    write('mp3-appended-id3v24-png-cover', Buffer.concat([cbr, id3v24([{ id: 'APIC', content: pictureContent(png, 'image/png') }], { footer: true }), id3v1('Tone')])),
    write('mp3-lyrics3v2', Buffer.concat([cbr, lyrics3v2('[00:01]第一句\r\n[00:02]第二句'), id3v1('Tone')])),
    write('mp3-lyrics3v1', Buffer.concat([cbr, lyrics3v1('Line one\r\nLine two'), id3v1('Tone')])),
    write('mp3-vbri', withVbri(vbr, audioFrames)),
    write('mp3-vbri-truncated', half(withVbri(vbr, audioFrames))),
    write('mp3-junk-first', Buffer.concat([Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 37) % 251)), cbr])),
    // A stream cut in the middle of a frame: the first 200 bytes of its first frame are gone.
    write('mp3-partial-frame-first', raw.subarray(200)),
    write('mp3-zeros-before-audio', Buffer.concat([id3v23(v23), Buffer.alloc(100_000), cbr])),
    // A download that set the file's size first and stopped: the last 100 KB are zeros.
    write('mp3-unfinished-download', Buffer.concat([raw.subarray(0, Math.floor(raw.length / 2)), Buffer.alloc(100_000)])),
  ]);
}

if (process.argv[1]?.endsWith('make-producer-media-2.ts') === true && process.argv[2] !== undefined) {
  const dir = process.argv[2];
  makeProducerMedia2(dir).then(
    () => console.log(`producer media written to ${dir}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
