/**
 * Audio as other producers' tools write it (DAWs, encoders, field recorders, video editors), made at
 * test time with Debian's sox, lame and ffmpeg (installed by .ci/run) plus a few RIFF layouts built
 * byte by byte (riff-bytes.ts). Each file is 2–3 s; the set takes a few seconds.
 *
 * `npx tsx test/media/make-producer-media.ts <dir>` writes the set somewhere to look at.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ffmpeg, lame, sox } from './media-tools.js';
import { bextChunk, chunk, ixmlChunk, listInfoChunk, oddDataWav, riffWave, streamedWav, unpaddedChunk, wavParts } from './riff-bytes.js';

/** Every file, with the name extension a registrant would give it. */
export const PRODUCER_FILES = {
  // mp3
  'mp3-id3v23-big-cover': 'mp3',
  'mp3-id3v24-big-cover': 'mp3',
  'mp3-id3v1-only': 'mp3',
  'mp3-no-tag-no-header': 'mp3',
  'mp3-vbr-xing': 'mp3',
  'mp3-vbr-no-xing': 'mp3',
  'mp3-mono-8k': 'mp3',
  'mp3-mpeg2-22k': 'mp3',
  'mp3-free-format': 'mp3',
  // wav
  'wav-pcm16': 'wav',
  'wav-pcm24-extensible': 'wav',
  'wav-float32': 'wav',
  'wav-bwf-ixml': 'wav',
  'wav-odd-data': 'wav',
  'wav-streamed-size-0': 'wav',
  'wav-streamed-size-ffffffff': 'wav',
  'wav-rf64': 'wav',
  'wav-junk-first': 'wav',
  'wav-51-96k': 'wav',
  // mp4
  'mp4-aac': 'mp4',
  'mp4-m4a-brand': 'mp4',
  'mp4-alac': 'mp4',
  'mp4-h264-aac': 'mp4',
  'mp4-moov-at-end': 'mp4',
  'mp4-fragmented': 'mp4',
  'mov-qt-brand': 'mp4',
  // refusals
  'flac-as-mp3': 'mp3',
  'flac-as-wav': 'wav',
  'flac-id3-as-mp3': 'mp3',
  'ogg-vorbis-as-mp3': 'mp3',
  'ogg-opus-as-wav': 'wav',
  'aiff-as-wav': 'wav',
  'aiff-as-mp3': 'mp3',
  'aac-adts-as-mp3': 'mp3',
  'wma-as-mp3': 'mp3',
  'ac3-as-mp3': 'mp3',
  'webm-as-mp4': 'mp4',
  'wav-odd-chunk-no-pad': 'wav',
  'mp3-info-truncated': 'mp3',
  'wav-truncated': 'wav',
  'mp4-moov-at-end-truncated': 'mp4',
  'mp4-faststart-truncated': 'mp4',
  'empty-mp3': 'mp3',
  'text-as-mp3': 'mp3',
} as const;
export type ProducerFile = keyof typeof PRODUCER_FILES;

export interface ProducerMedia {
  path(name: ProducerFile): string;
  bytes(name: ProducerFile): Promise<Buffer>;
}

async function cut(from: string, to: string, fraction = 0.5): Promise<void> {
  const bytes = await readFile(from);
  await writeFile(to, bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

/** Creates every file in `dir`. */
export async function makeProducerMedia(dir: string): Promise<ProducerMedia> {
  const path = (name: ProducerFile): string => join(dir, `${name}.${PRODUCER_FILES[name]}`);
  const tmp = (name: string): string => join(dir, `_${name}`);
  const tone = tmp('tone.wav');

  // Sources: 3 s stereo 44.1 kHz; 3 s mono 8 kHz; 3 s stereo 22.05 kHz; a 1800² noise JPEG (~2 MB, as a scanned cover is).
  await Promise.all([
    sox(['-n', '-r', '44100', '-c', '2', '-b', '16', tone, 'synth', '3', 'sine', '440']),
    sox(['-n', '-r', '8000', '-c', '1', '-b', '16', tmp('8k.wav'), 'synth', '3', 'sine', '440']),
    sox(['-n', '-r', '22050', '-c', '2', '-b', '16', tmp('22k.wav'), 'synth', '3', 'sine', '440']),
    ffmpeg(['-f', 'lavfi', '-i', 'nullsrc=s=1800x1800,geq=random(1)*255:128:128', '-frames:v', '1', '-q:v', '1', tmp('cover.jpg')]),
  ]);

  await Promise.all([
    lame(['--cbr', '-b', '128', tone, tmp('cbr.mp3')]),
    lame(['--cbr', '-b', '128', '--id3v1-only', '--tt', 'Tone', '--ta', 'Producer', tone, path('mp3-id3v1-only')]),
    ffmpeg(['-i', tone, '-c:a', 'libmp3lame', '-b:a', '128k', '-write_xing', '0', '-id3v2_version', '0', '-write_id3v1', '0', path('mp3-no-tag-no-header')]),
    lame(['-V', '2', tone, path('mp3-vbr-xing')]),
    lame(['-V', '2', '-t', tone, path('mp3-vbr-no-xing')]),
    lame(['-b', '32', '-m', 'm', tmp('8k.wav'), path('mp3-mono-8k')]),
    lame(['-b', '64', tmp('22k.wav'), path('mp3-mpeg2-22k')]),
    lame(['--freeformat', '-b', '640', tone, path('mp3-free-format')]),
    copyFile(tone, path('wav-pcm16')),
    sox(['-n', '-r', '48000', '-c', '2', '-b', '24', path('wav-pcm24-extensible'), 'synth', '3', 'sine', '440']),
    ffmpeg(['-i', tone, '-c:a', 'pcm_f32le', path('wav-float32')]),
    ffmpeg(['-i', tone, '-c:a', 'pcm_s24le', '-rf64', 'always', path('wav-rf64')]),
    ffmpeg(['-i', tone, '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', path('mp4-aac')]),
    ffmpeg(['-i', tone, '-c:a', 'aac', '-b:a', '128k', '-f', 'ipod', path('mp4-m4a-brand')]),
    ffmpeg(['-i', tone, '-c:a', 'alac', '-f', 'ipod', path('mp4-alac')]),
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=25:duration=3',
      '-i',
      tone,
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
      '-c:a',
      'aac',
      '-shortest',
      path('mp4-h264-aac'),
    ]),
    // ffmpeg's default: the moov index after the media data (not fast-start).
    ffmpeg(['-i', tone, '-c:a', 'aac', '-b:a', '128k', '-f', 'mp4', path('mp4-moov-at-end')]),
    ffmpeg(['-i', tone, '-c:a', 'aac', '-b:a', '128k', '-movflags', 'frag_keyframe+empty_moov', '-f', 'mp4', path('mp4-fragmented')]),
    ffmpeg(['-i', tone, '-c:a', 'aac', '-b:a', '128k', '-f', 'mov', path('mov-qt-brand')]),
    ffmpeg(['-i', tone, '-c:a', 'flac', '-f', 'flac', path('flac-as-mp3')]),
    ffmpeg(['-i', tone, '-c:a', 'libvorbis', '-f', 'ogg', path('ogg-vorbis-as-mp3')]),
    ffmpeg(['-i', tone, '-c:a', 'libopus', '-f', 'ogg', path('ogg-opus-as-wav')]),
    sox([tone, '-t', 'aiff', path('aiff-as-wav')]),
    sox([tone, '-t', 'aifc', path('aiff-as-mp3')]),
    ffmpeg(['-i', tone, '-c:a', 'aac', '-f', 'adts', path('aac-adts-as-mp3')]),
    ffmpeg(['-i', tone, '-c:a', 'wmav2', '-f', 'asf', path('wma-as-mp3')]),
    ffmpeg(['-i', tone, '-c:a', 'ac3', '-f', 'ac3', path('ac3-as-mp3')]),
    ffmpeg(['-i', tone, '-c:a', 'libopus', '-f', 'webm', path('webm-as-mp4')]),
    // 5.1 at 96 kHz, 24-bit: WAVE_FORMAT_EXTENSIBLE with a channel mask.
    sox(['-n', '-r', '96000', '-c', '6', '-b', '24', path('wav-51-96k'), 'synth', '3', 'sine', '440']),
  ]);

  // Cover art of ~2 MB in the ID3v2 tag: the first MPEG frame starts after it.
  await Promise.all([
    ffmpeg([
      '-i',
      tmp('cbr.mp3'),
      '-i',
      tmp('cover.jpg'),
      '-map',
      '0',
      '-map',
      '1',
      '-c',
      'copy',
      '-id3v2_version',
      '3',
      '-metadata',
      'title=封面測試',
      '-metadata:s:v',
      'comment=Cover (front)',
      path('mp3-id3v23-big-cover'),
    ]),
    ffmpeg(['-i', tmp('cbr.mp3'), '-i', tmp('cover.jpg'), '-map', '0', '-map', '1', '-c', 'copy', '-id3v2_version', '4', '-metadata', 'title=封面測試', path('mp3-id3v24-big-cover')]),
    // FLAC with an ID3v2 tag in front, as some taggers leave it.
    ffmpeg(['-i', path('flac-as-mp3'), '-c', 'copy', '-write_id3v2', '1', '-f', 'flac', path('flac-id3-as-mp3')]),
  ]);
  await copyFile(path('flac-as-mp3'), path('flac-as-wav'));

  const parts = wavParts(await readFile(tone));
  await writeFile(
    path('wav-bwf-ixml'),
    riffWave([
      chunk('fmt ', parts.fmt),
      bextChunk('Tone take 3', 'FieldRecorder', 'A=PCM,F=44100,W=16,M=stereo,T=recorder\r\n'),
      listInfoChunk({ INAM: 'Tone', IART: '製作人', ISFT: 'Recorder 1.0' }),
      ixmlChunk('封面'),
      chunk('data', parts.data),
    ]),
  );
  // Pro Tools and others reserve room for an RF64 header with a JUNK chunk before fmt.
  await writeFile(path('wav-junk-first'), riffWave([chunk('JUNK', Buffer.alloc(28)), chunk('fmt ', parts.fmt), chunk('data', parts.data)]));
  // An odd LIST chunk without its pad byte before data: readers following RIFF miss the data.
  await writeFile(path('wav-odd-chunk-no-pad'), riffWave([chunk('fmt ', parts.fmt), unpaddedChunk('LIST', Buffer.from('INFOISFT\x01\x00\x00\x00a', 'latin1')), chunk('data', parts.data)]));
  // 3 s at 8 kHz plus one sample: an odd data size and its pad byte.
  await writeFile(path('wav-odd-data'), oddDataWav(24001));
  await writeFile(path('wav-streamed-size-0'), streamedWav(parts, 0));
  await writeFile(path('wav-streamed-size-ffffffff'), streamedWav(parts, 0xffffffff));

  // Cut in the middle, as a broken copy or download leaves them.
  await Promise.all([
    cut(tmp('cbr.mp3'), path('mp3-info-truncated')),
    cut(tone, path('wav-truncated')),
    cut(path('mp4-moov-at-end'), path('mp4-moov-at-end-truncated')),
    cut(path('mp4-aac'), path('mp4-faststart-truncated')),
    writeFile(path('empty-mp3'), Buffer.alloc(0)),
    writeFile(path('text-as-mp3'), '曲目表\n1. Tone 3:00\n2. Another 2:00\n'.repeat(20)),
  ]);
  return { path, bytes: (name) => readFile(path(name)) };
}

if (process.argv[1]?.endsWith('make-producer-media.ts') === true && process.argv[2] !== undefined) {
  const dir = process.argv[2];
  makeProducerMedia(dir).then(
    () => console.log(`producer media written to ${dir}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
