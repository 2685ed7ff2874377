import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { albums, albumTracks, audioDepositFiles, audioDeposits, recordings, registrantCodes, registrants, storedObjects, trackAudio, users } from '../db/schema/index.js';
import type { AudioTechnical } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { AudioContainer } from '../shared/enums.js';

/**
 * 影音檔送存's tables: audio_deposits and audio_deposit_files (a frozen copy of each track's audio
 * reference), read together with the album's tracks and their track_audio rows.
 */

export type AudioDepositRow = typeof audioDeposits.$inferSelect;
export type AudioDepositFileRow = typeof audioDepositFiles.$inferSelect;

/** One track of the album and its audio, if uploaded. */
export interface TrackAudioState {
  position: number;
  isrc: string | null;
  title: string;
  audio: { sha256: string; size: number; container: AudioContainer; technical: AudioTechnical } | null;
}

/** Every track of the album in order, with its audio (track_audio + the stored object's size) or null. */
export async function tracksWithAudio(db: Db, albumId: string): Promise<TrackAudioState[]> {
  const rows = await db
    .select({
      position: albumTracks.position,
      isrc: recordings.isrc,
      title: recordings.title,
      sha256: trackAudio.objectSha256,
      size: storedObjects.size,
      container: trackAudio.container,
      technical: trackAudio.technical,
    })
    .from(albumTracks)
    .innerJoin(recordings, eq(recordings.id, albumTracks.recordingId))
    .leftJoin(trackAudio, eq(trackAudio.albumTrackId, albumTracks.id))
    .leftJoin(storedObjects, eq(storedObjects.sha256, trackAudio.objectSha256))
    .where(eq(albumTracks.albumId, albumId))
    .orderBy(asc(albumTracks.position));
  return rows.map((r) => ({
    position: r.position,
    isrc: r.isrc,
    title: r.title,
    audio: r.sha256 === null || r.size === null || r.container === null || r.technical === null ? null : { sha256: r.sha256, size: r.size, container: r.container, technical: r.technical },
  }));
}

export interface AudioDepositWithFiles extends AudioDepositRow {
  albumNumber: number;
  depositedByName: string | null;
  files: AudioDepositFileRow[];
}

async function withFiles(db: Db, row: (AudioDepositRow & { albumNumber: number; depositedByName: string | null }) | undefined): Promise<AudioDepositWithFiles | undefined> {
  if (row === undefined) {
    return undefined;
  }
  const files = await db.select().from(audioDepositFiles).where(eq(audioDepositFiles.depositId, row.id)).orderBy(asc(audioDepositFiles.position));
  return { ...row, files };
}

const depositColumns = {
  id: audioDeposits.id,
  albumId: audioDeposits.albumId,
  registrantId: audioDeposits.registrantId,
  depositedBy: audioDeposits.depositedBy,
  depositedAt: audioDeposits.depositedAt,
  albumNumber: albums.albumNumber,
  depositedByName: users.displayName,
};

/** The album's deposit with its files, or undefined. */
export async function findAudioDepositByAlbum(db: Db, albumId: string): Promise<AudioDepositWithFiles | undefined> {
  const [row] = await db
    .select(depositColumns)
    .from(audioDeposits)
    .innerJoin(albums, eq(albums.id, audioDeposits.albumId))
    .leftJoin(users, eq(users.id, audioDeposits.depositedBy))
    .where(eq(audioDeposits.albumId, albumId));
  return withFiles(db, row);
}

export async function insertAudioDeposit(
  db: Db,
  deposit: { albumId: string; registrantId: string; depositedBy: string; depositedAt: Date },
  files: ReadonlyArray<Omit<AudioDepositFileRow, 'depositId'>>,
): Promise<AudioDepositRow> {
  const [row] = await db.insert(audioDeposits).values(deposit).returning();
  if (row === undefined) {
    throw new Error('insert into audio_deposits returned no row');
  }
  if (files.length > 0) {
    await db.insert(audioDepositFiles).values(files.map((f) => ({ ...f, depositId: row.id })));
  }
  return row;
}

export async function registrantNameOf(db: Db, registrantId: string): Promise<string> {
  const [row] = await db.select({ name: registrants.name }).from(registrants).where(eq(registrants.id, registrantId));
  return row?.name ?? '';
}

/** What a bag is made of: the deposit, its album and registrant, and each file's storage key. */
export interface BagSource {
  id: string;
  depositedAt: Date;
  albumId: string;
  albumNumber: number;
  albumTitle: string;
  registrantName: string;
  registrantCodes: string[];
  files: Array<AudioDepositFileRow & { storageKey: string }>;
}

export async function findBagSource(db: Db, depositId: string): Promise<BagSource | undefined> {
  const [row] = await db
    .select({
      id: audioDeposits.id,
      depositedAt: audioDeposits.depositedAt,
      albumId: albums.id,
      albumNumber: albums.albumNumber,
      albumTitle: albums.title,
      registrantId: registrants.id,
      registrantName: registrants.name,
    })
    .from(audioDeposits)
    .innerJoin(albums, eq(albums.id, audioDeposits.albumId))
    .innerJoin(registrants, eq(registrants.id, audioDeposits.registrantId))
    .where(eq(audioDeposits.id, depositId));
  if (row === undefined) {
    return undefined;
  }
  const codes = await db
    .select({ country: registrantCodes.countryCode, code: registrantCodes.code })
    .from(registrantCodes)
    .where(eq(registrantCodes.registrantId, row.registrantId))
    .orderBy(asc(registrantCodes.code));
  const files = await db
    .select({ file: audioDepositFiles, storageKey: storedObjects.storageKey })
    .from(audioDepositFiles)
    .innerJoin(storedObjects, eq(storedObjects.sha256, audioDepositFiles.objectSha256))
    .where(eq(audioDepositFiles.depositId, depositId))
    .orderBy(asc(audioDepositFiles.position));
  return {
    id: row.id,
    depositedAt: row.depositedAt,
    albumId: row.albumId,
    albumNumber: row.albumNumber,
    albumTitle: row.albumTitle,
    registrantName: row.registrantName,
    registrantCodes: codes.map((c) => `${c.country}-${c.code}`),
    files: files.map((f) => ({ ...f.file, storageKey: f.storageKey })),
  };
}

export interface AudioDepositListRow {
  id: string;
  albumId: string;
  albumNumber: number;
  title: string;
  registrantId: string;
  registrantName: string;
  depositedAt: Date;
  fileCount: number;
  totalBytes: number;
}

/** Every audio deposit, newest first (the agency's deposit desk). */
export async function listAudioDeposits(db: Db, page: { offset: number; limit: number }): Promise<{ rows: AudioDepositListRow[]; total: number }> {
  const rows = await db
    .select({
      id: audioDeposits.id,
      albumId: albums.id,
      albumNumber: albums.albumNumber,
      title: albums.title,
      registrantId: registrants.id,
      registrantName: registrants.name,
      depositedAt: audioDeposits.depositedAt,
      fileCount: sql<number>`(select count(*) from audio_deposit_files f where f.deposit_id = ${audioDeposits.id})::int`,
      totalBytes: sql<string | number>`(select coalesce(sum(f.size), 0) from audio_deposit_files f where f.deposit_id = ${audioDeposits.id})::bigint`,
    })
    .from(audioDeposits)
    .innerJoin(albums, eq(albums.id, audioDeposits.albumId))
    .innerJoin(registrants, eq(registrants.id, audioDeposits.registrantId))
    .orderBy(desc(audioDeposits.depositedAt), desc(albums.albumNumber))
    .offset(page.offset)
    .limit(page.limit);
  const [total] = await db.select({ n: count() }).from(audioDeposits);
  return { rows: rows.map((r) => ({ ...r, totalBytes: Number(r.totalBytes) })), total: total?.n ?? 0 };
}
