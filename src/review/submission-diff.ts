/**
 * What an album looked like when it was submitted (the snapshot of one review round), and what
 * changed between two rounds, field by field. Pure and browser-safe.
 */
import { ALBUM_FORM_FIELDS, TRACK_FORM_FIELDS } from '../catalog/field-labels.js';

/** A field's value as the registrant reported it (credits keep their structure). */
export type SnapshotValue = string | number | boolean | null | readonly { role: string; names: readonly string[] }[];

export interface TrackSnapshot {
  recordingId: string;
  position: number;
  title: string;
  fields: Record<string, SnapshotValue>;
}

export interface AlbumSnapshot {
  version: 1;
  album: Record<string, SnapshotValue>;
  tracks: TrackSnapshot[];
}

/** The album fields an officer compares, in form order. */
export const SNAPSHOT_ALBUM_FIELDS = ALBUM_FORM_FIELDS;

/** The track fields an officer compares, in form order. */
export const SNAPSHOT_TRACK_FIELDS = ['position', 'cited', ...TRACK_FORM_FIELDS] as const;

interface AlbumLike extends Record<(typeof SNAPSHOT_ALBUM_FIELDS)[number], SnapshotValue> {
  tracks: readonly TrackLike[];
}
interface TrackLike {
  position: number;
  cited: boolean;
  recording: { id: string; isrcDisplay: string | null } & Record<Exclude<(typeof SNAPSHOT_TRACK_FIELDS)[number], 'position' | 'cited' | 'isrc'>, SnapshotValue>;
}

/** The snapshot of an album as the API shows it (AlbumResponse). */
export function snapshotOf(album: AlbumLike): AlbumSnapshot {
  return {
    version: 1,
    album: Object.fromEntries(SNAPSHOT_ALBUM_FIELDS.map((f) => [f, album[f]])),
    tracks: album.tracks.map((t) => {
      const { recording } = t;
      const fields: Record<string, SnapshotValue> = { position: t.position, cited: t.cited, isrc: recording.isrcDisplay };
      for (const f of SNAPSHOT_TRACK_FIELDS) {
        if (f !== 'position' && f !== 'cited' && f !== 'isrc') {
          fields[f] = recording[f];
        }
      }
      return { recordingId: recording.id, position: t.position, title: typeof recording.title === 'string' ? recording.title : '', fields };
    }),
  };
}

/** A stored snapshot, or undefined when the round predates snapshots (backfilled) or is unreadable. */
export function readSnapshot(value: unknown): AlbumSnapshot | undefined {
  if (typeof value !== 'object' || value === null || !('version' in value) || value.version !== 1) {
    return undefined;
  }
  const v = value as Partial<AlbumSnapshot>;
  return typeof v.album === 'object' && v.album !== null && Array.isArray(v.tracks) ? (value as AlbumSnapshot) : undefined;
}

export interface FieldChange {
  field: string;
  before: SnapshotValue;
  after: SnapshotValue;
}

export interface TrackRef {
  recordingId: string;
  position: number;
  title: string;
}

export interface TrackChange extends TrackRef {
  changes: FieldChange[];
}

/**
 * `first`: the first submission, nothing to compare; `unavailable`: the previous round was
 * submitted before snapshots were kept; `compared`: the changes.
 */
export type SubmissionChanges =
  | { basis: 'first' }
  | { basis: 'unavailable'; previousRound: number }
  | { basis: 'compared'; previousRound: number; album: FieldChange[]; tracksAdded: TrackRef[]; tracksRemoved: TrackRef[]; tracksChanged: TrackChange[] };

const same = (a: SnapshotValue | undefined, b: SnapshotValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function fieldChanges(fields: readonly string[], before: Record<string, SnapshotValue>, after: Record<string, SnapshotValue>): FieldChange[] {
  return fields.filter((f) => !same(before[f], after[f])).map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }));
}

const ref = (t: TrackSnapshot): TrackRef => ({ recordingId: t.recordingId, position: t.position, title: t.title });

/** What changed from `previous` to `current`; tracks are matched by their recording. */
export function diffSnapshots(previous: AlbumSnapshot, current: AlbumSnapshot): { album: FieldChange[]; tracksAdded: TrackRef[]; tracksRemoved: TrackRef[]; tracksChanged: TrackChange[] } {
  const before = new Map(previous.tracks.map((t) => [t.recordingId, t]));
  const after = new Map(current.tracks.map((t) => [t.recordingId, t]));
  return {
    album: fieldChanges(SNAPSHOT_ALBUM_FIELDS, previous.album, current.album),
    tracksAdded: current.tracks.filter((t) => !before.has(t.recordingId)).map(ref),
    tracksRemoved: previous.tracks.filter((t) => !after.has(t.recordingId)).map(ref),
    tracksChanged: current.tracks.flatMap((t) => {
      const old = before.get(t.recordingId);
      const changes = old === undefined ? [] : fieldChanges(SNAPSHOT_TRACK_FIELDS, old.fields, t.fields);
      return changes.length === 0 ? [] : [{ ...ref(t), changes }];
    }),
  };
}

/** The changes of round `current` against the round before it (`previous`, if any). */
export function changesSinceLastSubmission(previous: { round: number; snapshot: unknown } | undefined, current: { snapshot: unknown }): SubmissionChanges {
  if (previous === undefined) {
    return { basis: 'first' };
  }
  const a = readSnapshot(previous.snapshot);
  const b = readSnapshot(current.snapshot);
  if (a === undefined || b === undefined) {
    return { basis: 'unavailable', previousRound: previous.round };
  }
  return { basis: 'compared', previousRound: previous.round, ...diffSnapshots(a, b) };
}
