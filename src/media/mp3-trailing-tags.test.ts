import { describe, expect, it } from 'vitest';
import { useTempFiles } from '../../test/helpers/temp-files.js';
import { apeV2, id3v1, id3v24, lyrics3v1, lyrics3v2, textContent } from '../../test/media/producer-bytes-2.js';
import { id3v2Tag } from '../../test/media/tag-bytes.js';
import { mp3AudioEnd } from './mp3-trailing-tags.js';

const { file } = useTempFiles('mp3-tail-');

async function end(...parts: Buffer[]): Promise<number> {
  return mp3AudioEnd(await file(Buffer.concat(parts), '.mp3'));
}

const frames = Buffer.concat(new Array<Buffer>(10).fill(Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413, 0x11)])));
const AUDIO = frames.length;

describe(mp3AudioEnd.name, () => {
  it('is the file size without tags at the end', async () => {
    expect(await end(frames)).toBe(AUDIO);
    expect(await end(frames, id3v1('Tone'))).toBe(AUDIO);
    expect(await end(frames, apeV2([{ key: 'Cover Art (Front)', value: Buffer.alloc(5000, 0xff), binary: true }]))).toBe(AUDIO);
    expect(await end(frames, apeV2([{ key: 'ISRC', value: Buffer.from('TWA122600001') }]), id3v1('Tone'))).toBe(AUDIO);
    expect(await end(frames, lyrics3v2('[00:01]一'), id3v1('Tone'))).toBe(AUDIO);
    expect(await end(frames, lyrics3v1('Line one'), id3v1('Tone'))).toBe(AUDIO);
    expect(await end(frames, id3v24([{ id: 'TSRC', content: textContent('TWA122600001') }], { footer: true }))).toBe(AUDIO);
    expect(await end(frames, id3v24([{ id: 'TIT2', content: textContent('A') }], { footer: true }), apeV2([]), id3v1('Tone'))).toBe(AUDIO);
  });

  it('keeps an ID3v2 tag at the start and frames whose last bytes look like no tag', async () => {
    const front = id3v2Tag(3, [{ id: 'TSRC', text: 'TWA122600001' }]);
    expect(await end(front, frames)).toBe(front.length + AUDIO);
    expect(await end(front, frames, id3v1('Tone'))).toBe(front.length + AUDIO);
    expect(await end(Buffer.from('TAG'))).toBe(3);
  });

  it('stops at a tag size pointing before the audio', async () => {
    const bogus = apeV2([]);
    // The footer claims 1 MB: no tag of that file.
    bogus.writeUInt32LE(1_000_000, bogus.length - 32 + 12);
    expect(await end(frames, bogus)).toBe(AUDIO + bogus.length);
  });
});
