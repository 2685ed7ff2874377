import { describe, expect, it } from 'vitest';
import { albumKeyOf, groupCatalogue, groupOneAlbum, type AlbumDraft, type GroupHeadings, type KeyedAlbum, type KeyedTrack } from './group-albums.js';
import type { ImportProblem } from './import-problems.js';
import { CATALOGUE_LIMITS } from './template/columns.js';

const headings: GroupHeadings = { albumKey: { album: '專輯代號', tracks: '專輯代號' }, trackNumber: '曲目序號', isrc: 'ISRC編號' };
const albumDraft = (row: number): AlbumDraft => ({ row, releaseType: 'digital', fields: { title: `專輯 ${row}` } });
const album = (key: string | null, row: number): KeyedAlbum => ({ key, draft: albumDraft(row) });
const track = (key: string | null, row: number, number: number | null, isrc: string | null = null, cited = false): KeyedTrack => ({
  key,
  number,
  draft: { row, isrc, cited, recording: cited ? {} : { title: `曲 ${row}` } },
});
const lines = (problems: ImportProblem[]) => problems.map((p) => `${p.severity}|${p.scope}|${p.row ?? ''}|${p.column ?? ''}|${p.albumKey ?? ''}`);

describe(groupCatalogue.name, () => {
  it('groups tracks under their album in album-sheet order, sorted by track number, keys matched ignoring width and case', () => {
    const problems: ImportProblem[] = [];
    const sut = groupCatalogue([album('B', 2), album('a1', 3)], [track('Ａ１', 2, 2), track('b', 3, 1), track('A1', 4, 1), track('B', 5, null)], headings, problems);
    expect(problems).toEqual([]);
    expect(sut.map((g) => [g.key, g.album?.row, g.tracks.map((t) => t.row)])).toEqual([
      ['B', 2, [3, 5]],
      ['a1', 3, [4, 2]],
    ]);
    expect(albumKeyOf('Ａ１ ')).toBe('a1');
  });

  it('reports keys that name no album, a key used twice, an album without tracks and a track number repeated in one album', () => {
    const problems: ImportProblem[] = [];
    const sut = groupCatalogue([album('A1', 2), album('a1', 3), album('A2', 4)], [track('A1', 2, 1), track('A1', 3, 1), track('X9', 4, 1), track('A2', 5, 1)], headings, problems);
    expect(sut.map((g) => g.key)).toEqual(['A1', 'A2']);
    expect(lines(problems)).toEqual(['error|album|3|專輯代號|a1', 'error|track|4|專輯代號|X9', 'error|track|3|曲目序號|A1']);
    const noTracks: ImportProblem[] = [];
    groupCatalogue([album('A1', 2), album('A2', 3)], [track('A1', 2, 1)], headings, noTracks);
    expect(lines(noTracks)).toEqual(['error|album|3|專輯代號|A2']);
    expect(noTracks[0]?.message['zh-TW']).toContain('沒有曲目');
  });

  it('refuses an ISRC repeated anywhere in the file, naming the other row and album; a cited ISRC may repeat', () => {
    const problems: ImportProblem[] = [];
    groupCatalogue(
      [album('A1', 2), album('A2', 3)],
      [track('A1', 2, 1, 'TWK7Q2600001'), track('A1', 3, 2, 'TWK7Q2600009', true), track('A2', 4, 1, 'TW-K7Q-26-00001'), track('A2', 5, 2, 'TWK7Q2600009', true)],
      headings,
      problems,
    );
    expect(lines(problems)).toEqual(['error|track|4|ISRC編號|A2']);
    expect(problems[0]?.message['zh-TW']).toContain('第 2 列（專輯代號 A1）');
    expect(problems[0]?.message.en).toContain('row 2 (album key A1)');
  });

  it('refuses more albums or tracks than a catalogue takes', () => {
    const problems: ImportProblem[] = [];
    const albums = Array.from({ length: CATALOGUE_LIMITS.albums + 1 }, (_, i) => album(`K${i}`, i + 2));
    const tracks = Array.from({ length: CATALOGUE_LIMITS.tracks + 1 }, (_, i) => track(`K${i % (CATALOGUE_LIMITS.albums + 1)}`, i + 2, Math.floor(i / (CATALOGUE_LIMITS.albums + 1)) + 1));
    groupCatalogue(albums, tracks, headings, problems);
    expect(lines(problems)).toEqual(['error|album|||', 'error|track|||']);
  });
});

describe(groupOneAlbum.name, () => {
  it('keeps every track of a one-album file in one group without a key, numbering blanks by file order', () => {
    const problems: ImportProblem[] = [];
    const sut = groupOneAlbum(albumDraft(2), [track(null, 2, 3, 'TWK7Q2600002'), track(null, 3, null), track(null, 4, 3, 'TWK7Q2600002')], headings, problems);
    expect(sut).toHaveLength(1);
    expect(sut[0]?.key).toBeNull();
    expect(sut[0]?.tracks.map((t) => t.row)).toEqual([3, 2, 4]);
    expect(lines(problems)).toEqual(['error|track|4|曲目序號|', 'error|track|4|ISRC編號|']);
  });
});
