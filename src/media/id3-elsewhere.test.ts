import { describe, expect, it } from 'vitest';
import { useTempFiles } from '../../test/helpers/temp-files.js';
import { id3v1, id3v24, textContent, wave64 } from '../../test/media/producer-bytes-2.js';
import { chunk, riffWave } from '../../test/media/riff-bytes.js';
import { id3v2Tag } from '../../test/media/tag-bytes.js';
import { readIsrcTags } from './audio-tags.js';
import { id3TagElsewhere, rf64Id3Chunk } from './id3-elsewhere.js';

const { file } = useTempFiles('id3-elsewhere-');

/** 16-bit stereo 8 kHz PCM fmt, and 0.1 s of silence. */
const fmt = Buffer.from([1, 0, 2, 0, 0x40, 0x1f, 0, 0, 0x00, 0x7d, 0, 0, 4, 0, 16, 0]);
const data = Buffer.alloc(3200);
const tag = id3v2Tag(3, [{ id: 'TSRC', text: 'TWA122600001' }]);
const frames = Buffer.concat(new Array<Buffer>(4).fill(Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)])));

describe(rf64Id3Chunk.name, () => {
  it('finds the id3 chunk after the samples of an RF64 or BW64, following the ds64 data size', async () => {
    expect(await rf64Id3Chunk(await file(wave64('RF64', fmt, data, { after: [chunk('id3 ', tag)] })))).toEqual(tag);
    expect(await rf64Id3Chunk(await file(wave64('BW64', fmt, data, { after: [chunk('LIST', Buffer.from('INFO')), chunk('ID3 ', tag)] })))).toEqual(tag);
  });

  it('is undefined in a RIFF WAVE (music-metadata reads those) and in an RF64 without the chunk', async () => {
    expect(await rf64Id3Chunk(await file(riffWave([chunk('fmt ', fmt), chunk('data', data), chunk('id3 ', tag)])))).toBeUndefined();
    expect(await rf64Id3Chunk(await file(wave64('RF64', fmt, data)))).toBeUndefined();
  });
});

describe(id3TagElsewhere.name, () => {
  it('finds an ID3v2 tag in front of a WAV, and an ID3v2.4 appended to an MP3 (at the end or before ID3v1)', async () => {
    const wav = riffWave([chunk('fmt ', fmt), chunk('data', data)]);
    expect(await id3TagElsewhere(await file(Buffer.concat([tag, wav])), 'wav')).toEqual(tag);
    const appended = id3v24([{ id: 'TSRC', content: textContent('TWA122600002') }], { footer: true });
    expect(await id3TagElsewhere(await file(Buffer.concat([frames, appended])), 'mp3')).toEqual(appended);
    expect(await id3TagElsewhere(await file(Buffer.concat([frames, appended, id3v1('Tone')])), 'mp3')).toEqual(appended);
  });

  it('is undefined for an mp4, a plain WAV and an MP3 with no appended tag', async () => {
    expect(await id3TagElsewhere(await file(frames), 'mp3')).toBeUndefined();
    expect(await id3TagElsewhere(await file(riffWave([chunk('fmt ', fmt), chunk('data', data)])), 'wav')).toBeUndefined();
    expect(await id3TagElsewhere(await file(frames), 'mp4')).toBeUndefined();
  });
});

describe(`${readIsrcTags.name} with tags music-metadata does not reach`, () => {
  it('reads the ISRC of an RF64 id3 chunk and of an ID3v2.4 tag appended to an MP3', async () => {
    expect(await readIsrcTags(await file(wave64('RF64', fmt, data, { after: [chunk('id3 ', tag)] })), 'wav')).toEqual(['TWA122600001']);
    const appended = id3v24([{ id: 'TSRC', content: textContent('TWA122600002') }], { footer: true });
    expect(await readIsrcTags(await file(Buffer.concat([frames, appended])), 'mp3')).toEqual(['TWA122600002']);
  });
});
