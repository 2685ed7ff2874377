import { describe, expect, it } from 'vitest';
import { albumFindings, type FindingInput, type FindingTrack } from './findings.js';

const FULL = ['performer', 'lyricist', 'composer', 'arranger', 'producer'].map((role) => ({ role, names: ['某人'] }));

function track(position: number, extra: Partial<FindingTrack> = {}): FindingTrack {
  return {
    trackId: `00000000-0000-4000-8000-00000000000${position}`,
    position,
    recordingId: `10000000-0000-4000-8000-00000000000${position}`,
    title: `歌 ${position}`,
    isrc: 'TWA012600001',
    credits: FULL,
    durationSeconds: 200 + position * 10,
    versionType: null,
    versionOfIsrc: null,
    ...extra,
  };
}

function input(extra: Partial<FindingInput> = {}): FindingInput {
  return { album: { releaseDate: '2026-05-01', retroactive: false }, tracks: [track(1)], codeYears: [2020], duplicates: [], unknownOriginals: new Set(), ...extra };
}

const codes = (i: FindingInput) => albumFindings(i).map((f) => `${f.severity} ${f.code}${f.position === undefined ? '' : ` #${f.position}`}`);

describe(albumFindings.name, () => {
  it('finds nothing on a clean album', () => {
    expect(albumFindings(input())).toEqual([]);
  });

  it('names missing Golden Melody credits per track', () => {
    const [f] = albumFindings(
      input({
        tracks: [
          track(1, {
            credits: [
              { role: 'performer', names: ['甲'] },
              { role: 'lyricist', names: [' '] },
            ],
          }),
        ],
      }),
    );
    expect(f).toMatchObject({ code: 'golden-melody-credits-missing', severity: 'warning', position: 1 });
    expect(f?.message['zh-TW']).toContain('作詞者、作曲者、編曲者、製作人');
    expect(f?.message.en).toContain('lyricist, composer, arranger, producer');
  });

  it('flags an ISRC year later than the release year, except on a retroactive album', () => {
    const late = input({ album: { releaseDate: '2025.12', retroactive: false }, tracks: [track(1, { isrc: 'TWA012600001' })] });
    expect(codes(late)).toEqual(['warning isrc-year-after-release #1']);
    expect(albumFindings(late)[0]?.message['zh-TW']).toContain('TW-A01-26-00001');
    expect(codes({ ...late, album: { releaseDate: '2025', retroactive: true }, codeYears: [] })).toEqual([]);
    expect(codes({ ...late, album: { releaseDate: '2026', retroactive: false } })).toEqual([]);
    expect(codes({ ...late, album: { releaseDate: null, retroactive: false } })).toEqual([]);
  });

  it('flags a retroactive album released after the registrant got its code', () => {
    const retro = input({ album: { releaseDate: '2023-01-01', retroactive: true }, codeYears: [2022, 2024] });
    expect(codes(retro)).toEqual(['error retroactive-after-code']);
    expect(albumFindings(retro)[0]?.message['zh-TW']).toContain('2022');
    expect(codes({ ...retro, codeYears: [2023] })).toEqual([]);
    expect(codes({ ...retro, codeYears: [] })).toEqual([]);
  });

  it('flags versions whose original is missing or not registered here', () => {
    const tracks = [track(1, { versionType: 'remix' }), track(2, { versionType: 'remix', versionOfIsrc: 'USAAA9900001' }), track(3, { versionType: 'edit', versionOfIsrc: 'TWA012500009' })];
    expect(codes(input({ tracks, unknownOriginals: new Set(['USAAA9900001']) }))).toEqual(['warning version-original-missing #1', 'info version-original-unknown #2']);
  });

  it('reports possible duplicates elsewhere, with who holds them', () => {
    const t = track(2);
    const found = albumFindings(
      input({ tracks: [track(1), t], duplicates: [{ trackId: t.trackId, isrc: 'TWB012500003', title: '歌 2', registrantName: '別家唱片', sameRegistrant: false, albumNumber: 100123 }] }),
    );
    expect(found.map((f) => f.code)).toEqual(['possible-duplicate']);
    expect(found[0]?.message['zh-TW']).toContain('別家唱片');
    expect(found[0]?.message['zh-TW']).toContain('100123');
    expect(found[0]?.message.en).toContain('TW-B01-25-00003');
  });

  it('reports the same recording twice in one album as an error, errors first', () => {
    const tracks = [track(1, { credits: FULL.slice(0, 1) }), track(2, { title: '歌 1', durationSeconds: 211 }), track(3, { title: '歌１!', durationSeconds: 212 })];
    expect(codes(input({ tracks }))).toEqual(['error duplicate-in-album #2', 'error duplicate-in-album #3', 'warning golden-melody-credits-missing #1']);
  });
});
