import { describe, expect, it } from 'vitest';
import { changesSinceLastSubmission, diffSnapshots, readSnapshot, snapshotOf, type AlbumSnapshot } from './submission-diff.js';

function album(title: string, tracks: { id: string; title: string; position: number; duration?: string }[]) {
  return {
    releaseType: 'digital',
    title,
    credits: [{ role: 'performer', names: ['甲'] }],
    publisher: '唱片',
    releaseDate: '2026-05-01',
    productionCompany: '製作',
    totalDuration: null,
    albumType: 'solo',
    workCategory: null,
    mediaForm: null,
    publicationCategory: null,
    introduction: '',
    retroactive: false,
    tracks: tracks.map((t) => ({
      position: t.position,
      cited: false,
      recording: {
        id: t.id,
        isrcDisplay: 'TW-A01-26-00001',
        title: t.title,
        storyTitle: '',
        episode: '',
        theme: '',
        playTitle: '',
        description: '',
        credits: [{ role: 'performer', names: ['甲'] }],
        productionCompany: '製作',
        duration: t.duration ?? '0:03:00',
        recordingDate: null,
        aiAssisted: false,
        producedAbroad: false,
        versionType: null,
        versionOfIsrc: null,
      },
    })),
  };
}

describe(diffSnapshots.name, () => {
  it('lists album fields, added, removed and changed tracks field by field', () => {
    const before = snapshotOf(
      album('舊名', [
        { id: 'r1', title: '一', position: 1 },
        { id: 'r2', title: '二', position: 2 },
      ]),
    );
    const after = snapshotOf(
      album('新名', [
        { id: 'r1', title: '一', position: 1, duration: '0:03:05' },
        { id: 'r3', title: '三', position: 2 },
      ]),
    );
    expect(diffSnapshots(before, after)).toEqual({
      album: [{ field: 'title', before: '舊名', after: '新名' }],
      tracksAdded: [{ recordingId: 'r3', position: 2, title: '三' }],
      tracksRemoved: [{ recordingId: 'r2', position: 2, title: '二' }],
      tracksChanged: [{ recordingId: 'r1', position: 1, title: '一', changes: [{ field: 'duration', before: '0:03:00', after: '0:03:05' }] }],
    });
  });

  it('sees credit changes and nothing when nothing changed', () => {
    const a = snapshotOf(album('名', [{ id: 'r1', title: '一', position: 1 }]));
    const b: AlbumSnapshot = { ...a, album: { ...a.album, credits: [{ role: 'performer', names: ['甲', '乙'] }] } };
    expect(diffSnapshots(a, b).album.map((c) => c.field)).toEqual(['credits']);
    expect(diffSnapshots(a, a)).toEqual({ album: [], tracksAdded: [], tracksRemoved: [], tracksChanged: [] });
  });
});

describe(changesSinceLastSubmission.name, () => {
  const snap = snapshotOf(album('名', []));
  it('says first submission, no snapshot (backfilled), or compares', () => {
    expect(changesSinceLastSubmission(undefined, { snapshot: snap })).toEqual({ basis: 'first' });
    expect(changesSinceLastSubmission({ round: 1, snapshot: { backfilled: true } }, { snapshot: snap })).toEqual({ basis: 'unavailable', previousRound: 1 });
    expect(changesSinceLastSubmission({ round: 1, snapshot: snap }, { snapshot: snap })).toMatchObject({ basis: 'compared', previousRound: 1, album: [] });
  });
  it('reads only snapshots it wrote', () => {
    expect(readSnapshot({ backfilled: true })).toBeUndefined();
    expect(readSnapshot(null)).toBeUndefined();
    expect(readSnapshot(snap)).toEqual(snap);
  });
});
