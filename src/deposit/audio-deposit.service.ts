import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ServiceContext } from '../db/context.js';
import { PG_UNIQUE_VIOLATION, pgErrorCode, withTransaction } from '../db/tx.js';
import { formatDisplay, isIsrc } from '../isrc/index.js';
import { notify } from '../notifications/notify.service.js';
import { calendarDateAt, depositBasisOf, depositStatusOf, isDepositDue } from '../review/deposit-state.js';
import { AppError } from '../shared/errors.js';
import { pageWindow } from '../shared/text.js';
import {
  findAudioDepositByAlbum,
  insertAudioDeposit,
  listAudioDeposits,
  registrantNameOf,
  tracksWithAudio,
  type AudioDepositFileRow,
  type AudioDepositWithFiles,
} from './audio-deposit.repo.js';
import type { AudioDepositListQuery, AudioDepositPage, AudioDepositResponse } from './audio-deposit.schemas.js';
import { depositScope, mayDeclareSent, mayRecordReceived } from './deposit.policy.js';
import { findDepositAlbum, lockDepositAlbum, setAlbumDepositStatus } from './deposit.repo.js';

export function isrcDisplay(isrc: string): string {
  return isIsrc(isrc) ? formatDisplay(isrc) : isrc;
}

/** Where the agency downloads a deposit's BagIt bag. */
export function bagUrl(depositId: string): string {
  return `/api/v1/deposits/audio/${depositId}/bag.zip`;
}

function depositView(ctx: ServiceContext, deposit: AudioDepositWithFiles): AudioDepositResponse {
  return {
    id: deposit.id,
    albumId: deposit.albumId,
    albumNumber: deposit.albumNumber,
    depositedAt: deposit.depositedAt.toISOString(),
    depositedOn: calendarDateAt(deposit.depositedAt, ctx.timeZone),
    depositedBy: deposit.depositedByName,
    totalBytes: deposit.files.reduce((n, f) => n + f.size, 0),
    files: deposit.files.map((f) => ({
      position: f.position,
      isrc: f.isrc,
      isrcDisplay: isrcDisplay(f.isrc),
      title: f.title,
      sha256: f.objectSha256,
      size: f.size,
      container: f.container,
      technical: f.technical,
    })),
  };
}

/** A member learns nothing about albums not theirs; staff may look but not deposit for a registrant. */
async function refuseNonMember(ctx: ServiceContext, actor: Actor, albumId: string): Promise<never> {
  if ((await findDepositAlbum(ctx.db, albumId, depositScope(actor))) === undefined) {
    throw new AppError('NOT_FOUND');
  }
  throw new AppError('FORBIDDEN');
}

/**
 * 影音檔送存: a registrant's member deposits the audio of its approved digital album once every
 * track has its audio. In one transaction the deposit and a frozen copy of each file's reference
 * (ISRC, title, position, checksum, size, container, technical data) are written, the album
 * becomes 已送存, the change is audited, and the registrant and the agency are told at once.
 */
export async function depositAudio(ctx: ServiceContext, actor: Actor, albumId: string): Promise<AudioDepositResponse> {
  if (!mayDeclareSent(actor)) {
    return refuseNonMember(ctx, actor, albumId);
  }
  try {
    return await withTransaction(ctx, async (tx) => {
      const album = await lockDepositAlbum(tx.db, albumId, actor.registrantId);
      if (album === undefined) {
        throw new AppError('NOT_FOUND');
      }
      if (depositBasisOf(album.releaseType) !== 'audio') {
        throw new AppError('AUDIO_DEPOSIT_NOT_DIGITAL');
      }
      if (!isDepositDue(album.status)) {
        throw new AppError('DEPOSIT_NOT_DUE', { status: album.status });
      }
      const existing = await findAudioDepositByAlbum(tx.db, albumId);
      if (existing !== undefined) {
        throw new AppError('AUDIO_DEPOSIT_EXISTS', { depositedAt: existing.depositedAt.toISOString() });
      }
      const tracks = await tracksWithAudio(tx.db, albumId);
      const missing = tracks.filter((t) => t.audio === null);
      if (missing.length > 0 || tracks.length === 0) {
        throw new AppError('AUDIO_DEPOSIT_MISSING_AUDIO', {
          count: missing.length,
          missing: missing.map((t) => ({ position: t.position, isrc: t.isrc === null ? null : isrcDisplay(t.isrc), title: t.title })),
        });
      }
      const files: Array<Omit<AudioDepositFileRow, 'depositId'>> = tracks.map((t) => {
        if (t.audio === null || t.isrc === null) {
          // An approved album's tracks all carry ISRCs (assigned at submission at the latest).
          throw new Error(`track ${t.position} of approved album ${albumId} has no ISRC`);
        }
        return { position: t.position, isrc: t.isrc, title: t.title, objectSha256: t.audio.sha256, size: t.audio.size, container: t.audio.container, technical: t.audio.technical };
      });
      const status = depositStatusOf(files.length, tracks.length);
      const row = await insertAudioDeposit(tx.db, { albumId, registrantId: album.registrantId, depositedBy: actor.userId, depositedAt: tx.clock.now() }, files);
      if (status !== album.depositStatus) {
        await setAlbumDepositStatus(tx.db, albumId, status);
      }
      await recordAudit(tx, actor, {
        action: 'deposit.audio',
        entityType: 'album',
        entityId: albumId,
        before: { depositStatus: album.depositStatus },
        after: { depositStatus: status, depositId: row.id, files: files.map((f) => ({ isrc: f.isrc, sha256: f.objectSha256, size: f.size })) },
      });
      const params = { albumNumber: album.albumNumber, title: album.title, files: files.length };
      await notify(tx, { kind: 'deposit.audioReceived', audience: { registrantId: album.registrantId }, albumId, params });
      await notify(tx, { kind: 'deposit.audioSubmitted', audience: { agency: true }, albumId, params: { ...params, registrantName: await registrantNameOf(tx.db, album.registrantId) } });
      const saved = await findAudioDepositByAlbum(tx.db, albumId);
      if (saved === undefined) {
        throw new Error('audio deposit vanished inside its own transaction');
      }
      return depositView(tx, saved);
    });
  } catch (err) {
    // The unique key on the album double-checks "once per album" (the row lock decides first).
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
      throw new AppError('AUDIO_DEPOSIT_EXISTS');
    }
    throw err;
  }
}

/** The album's audio deposit with its files (its members, or staff); 404 when there is none. */
export async function getAudioDeposit(ctx: ServiceContext, actor: Actor, albumId: string): Promise<AudioDepositResponse> {
  const album = await findDepositAlbum(ctx.db, albumId, depositScope(actor));
  const deposit = album === undefined ? undefined : await findAudioDepositByAlbum(ctx.db, albumId);
  if (deposit === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return depositView(ctx, deposit);
}

/** Every audio deposit, newest first, with its bag link (agency). */
export async function listAudioDepositsPage(ctx: ServiceContext, actor: Actor, query: AudioDepositListQuery): Promise<AudioDepositPage> {
  if (!mayRecordReceived(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const { page, pageSize, offset } = pageWindow(query.page, query.pageSize);
  const { rows, total } = await listAudioDeposits(ctx.db, { offset, limit: pageSize });
  return {
    items: rows.map((r) => ({ ...r, depositedAt: r.depositedAt.toISOString(), depositedOn: calendarDateAt(r.depositedAt, ctx.timeZone), bagUrl: bagUrl(r.id) })),
    total,
    page,
    pageSize,
  };
}
