import { describe, expect, it } from 'vitest';
import { ffprobeArgs, parseFfprobeJson } from './ffprobe-run.js';

describe(ffprobeArgs.name, () => {
  it('counts packets, whitelists formats and the file protocol, and passes the path as a file: URL', () => {
    const args = ffprobeArgs('/tmp/-i x:y.mp3');
    expect(args).toEqual(expect.arrayContaining(['-count_packets', '-show_format', '-show_streams']));
    expect(args[args.indexOf('-format_whitelist') + 1]).toBe('mov,mp4,m4a,3gp,3g2,mj2,mp3,wav');
    expect(args[args.indexOf('-protocol_whitelist') + 1]).toBe('file');
    expect(args.slice(-2)).toEqual(['-i', 'file:/tmp/-i x:y.mp3']);
    expect(args).not.toContain('-ignore_editlist');
  });

  it('reads only the first bytes through the subfile protocol when given an end, and whitelists it then only', () => {
    const args = ffprobeArgs('/tmp/a.mp3', { endAt: 48900 });
    expect(args[args.indexOf('-protocol_whitelist') + 1]).toBe('file,subfile');
    expect(args.slice(-2)).toEqual(['-i', 'subfile,,start,0,end,48900,,:file:/tmp/a.mp3']);
    expect(ffprobeArgs('/tmp/a.mp3', { asMp3: true }).slice(-4)).toEqual(['-f', 'mp3', '-i', 'file:/tmp/a.mp3']);
  });

  it('ignores mp4 edit lists when asked, as an option of the input', () => {
    const args = ffprobeArgs('/tmp/a.mp4', { ignoreEditLists: true });
    expect(args.slice(-4)).toEqual(['-ignore_editlist', '1', '-i', 'file:/tmp/a.mp4']);
  });
});

describe(parseFfprobeJson.name, () => {
  it('reads ffprobe numbers written as strings, and N/A as unknown', () => {
    const json = JSON.stringify({
      streams: [
        {
          index: 0,
          codec_name: 'mp3',
          codec_type: 'audio',
          sample_rate: '44100',
          channels: 2,
          bit_rate: '128000',
          duration: '3.030204',
          nb_read_packets: '116',
          disposition: { attached_pic: 0 },
        },
        { index: 1, codec_name: 'png', codec_type: 'video', duration: 'N/A', disposition: { attached_pic: 1 } },
      ],
      format: { format_name: 'mp3', probe_score: 51, duration: '3.030204', size: '48900', bit_rate: '129100' },
    });
    expect(parseFfprobeJson(json)).toEqual({
      format: { formatName: 'mp3', probeScore: 51, duration: 3.030204, size: 48900, bitRate: 129100, majorBrand: null },
      streams: [
        {
          index: 0,
          codecName: 'mp3',
          codecType: 'audio',
          profile: null,
          sampleRate: 44100,
          channels: 2,
          bitRate: 128000,
          duration: 3.030204,
          nbFrames: null,
          nbReadPackets: 116,
          attachedPic: false,
        },
        {
          index: 1,
          codecName: 'png',
          codecType: 'video',
          profile: null,
          sampleRate: null,
          channels: null,
          bitRate: null,
          duration: null,
          nbFrames: null,
          nbReadPackets: null,
          attachedPic: true,
        },
      ],
    });
  });

  it('reads the mp4 family’s major brand from the format tags', () => {
    const json = (tags: unknown) => JSON.stringify({ streams: [], format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', tags } });
    expect(parseFfprobeJson(json({ major_brand: 'qt  ', compatible_brands: 'qt  ' }))?.format.majorBrand).toBe('qt  ');
    expect(parseFfprobeJson(json({ major_brand: 'M4A ' }))?.format.majorBrand).toBe('M4A ');
    expect(parseFfprobeJson(json(undefined))?.format.majorBrand).toBeNull();
  });

  it('gives nothing for no JSON, or JSON without a recognised format', () => {
    expect(parseFfprobeJson('')).toBeUndefined();
    expect(parseFfprobeJson('{')).toBeUndefined();
    expect(parseFfprobeJson('{}')).toBeUndefined();
    expect(parseFfprobeJson('{"format": {}}')).toBeUndefined();
    expect(parseFfprobeJson('[1]')).toBeUndefined();
  });
});
