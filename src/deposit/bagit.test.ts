import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { BAGIT_TXT, bagInfoText, encodeManifestPath, humanSize, manifestText, payloadOxum, sha256Hex, tagFiles, type BagPayloadFile } from './bagit.js';

const file = (path: string, size: number, sha256: string): BagPayloadFile => ({ path, size, sha256, open: () => Promise.resolve(Readable.from([])) });

describe(manifestText.name, () => {
  it('writes one `checksum  path` line per file, percent-encoding CR, LF and % (RFC 8493 §2.1.3)', () => {
    expect(encodeManifestPath('data/a%b\r\nc')).toBe('data/a%25b%0D%0Ac');
    expect(manifestText([{ path: 'data/x.mp3', sha256: 'ab' }])).toBe('ab  data/x.mp3\n');
  });
});

describe(payloadOxum.name, () => {
  it('is total octets, a dot, and the number of files', () => {
    expect(payloadOxum([{ size: 10 }, { size: 5 }])).toBe('15.2');
    expect(payloadOxum([])).toBe('0.0');
  });
});

describe(humanSize.name, () => {
  it('uses decimal units with one decimal', () => {
    expect(humanSize(512)).toBe('512 B');
    expect(humanSize(301_311)).toBe('294 KB');
    expect(humanSize(2.5 * 1024 ** 3)).toBe('2.5 GB');
  });
});

describe(bagInfoText.name, () => {
  it('keeps each value on its own line, whatever it holds', () => {
    expect(
      bagInfoText([
        ['External-Description', '第一行\r\n第二行'],
        ['ISRC', 'TW-A01-26-00001'],
      ]),
    ).toBe('External-Description: 第一行 第二行\nISRC: TW-A01-26-00001\n');
  });
});

describe(tagFiles.name, () => {
  it('adds Payload-Oxum and Bag-Size, and a tag manifest over the other three tag files', () => {
    const tags = tagFiles([file('data/a.wav', 3, 'aa'), file('data/b.mp3', 4, 'bb')], [['Source-Organization', 'Agency']]);
    expect(tags.map((t) => t.path)).toEqual(['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt']);
    expect(tags[0]?.text).toBe(BAGIT_TXT);
    expect(tags[1]?.text).toBe('Source-Organization: Agency\nPayload-Oxum: 7.2\nBag-Size: 7 B\n');
    expect(tags[2]?.text).toBe('aa  data/a.wav\nbb  data/b.mp3\n');
    expect(tags[3]?.text).toBe(
      tags
        .slice(0, 3)
        .map((t) => `${sha256Hex(t.text)}  ${t.path}\n`)
        .join(''),
    );
  });
});
