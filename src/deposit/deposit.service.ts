import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ServiceContext, TxContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { notify } from '../notifications/notify.service.js';
import { calendarDateAt, depositBasisOf, depositDateProblem, depositStatusOf, isDepositDue } from '../review/deposit-state.js';
import { requiredCopiesFor } from '../settings/agency-settings.js';
import { loadAgencySettings } from '../settings/agency-settings.service.js';
import { AppError } from '../shared/errors.js';
import { withinStoredLengths } from '../shared/stored-length.js';
import { cleanText } from '../shared/text.js';
import { depositScope, mayDeclareSent, mayRecordReceived } from './deposit.policy.js';
import {
  deleteDepositEvent,
  findDepositAlbum,
  insertDepositEvent,
  listDepositEvents,
  lockDepositAlbum,
  setAlbumDepositStatus,
  type DepositAlbum,
  type DepositEventRow,
} from './deposit.repo.js';
import { CorrectEventBody, DeclareSentBody, RecordReceivedBody, type AlbumDepositResponse, type DepositEventResponse } from './deposit.schemas.js';

function eventResponse(e: DepositEventRow): DepositEventResponse {
  return { id: e.id, kind: e.kind, copies: e.copies, date: e.eventDate, trackingNumber: e.trackingNumber, note: e.note, recordedAt: e.createdAt.toISOString() };
}

function approvedOn(ctx: ServiceContext, album: DepositAlbum): string | null {
  return album.status === 'approved' && album.reviewedAt !== null ? calendarDateAt(album.reviewedAt, ctx.timeZone) : null;
}

async function depositView(ctx: ServiceContext, album: DepositAlbum, status = album.depositStatus): Promise<AlbumDepositResponse> {
  const basis = depositBasisOf(album.releaseType);
  const events = basis === 'copies' ? await listDepositEvents(ctx.db, album.id) : [];
  const sum = (kind: DepositEventRow['kind']) => events.filter((e) => e.kind === kind).reduce((n, e) => n + e.copies, 0);
  const settings = await loadAgencySettings(ctx);
  return {
    albumId: album.id,
    basis,
    due: isDepositDue(album.status),
    status,
    approvedOn: approvedOn(ctx, album),
    requiredCopies: basis === 'copies' ? requiredCopiesFor(settings, album.registrantKind) : 0,
    receivedCopies: sum('received'),
    sentCopies: sum('sent'),
    events: events.map(eventResponse),
  };
}

/** The album, locked, if the actor may see it and copies are owed on it now. */
async function lockOwingAlbum(tx: TxContext, actor: Actor, albumId: string): Promise<DepositAlbum & { approvedOn: string }> {
  const album = await lockDepositAlbum(tx.db, albumId, depositScope(actor));
  if (album === undefined) {
    throw new AppError('NOT_FOUND');
  }
  if (depositBasisOf(album.releaseType) !== 'copies') {
    throw new AppError('DEPOSIT_NOT_PHYSICAL');
  }
  const on = approvedOn(tx, album);
  if (on === null) {
    throw new AppError('DEPOSIT_NOT_DUE', { status: album.status });
  }
  return { ...album, approvedOn: on };
}

function assertDepositDate(ctx: ServiceContext, date: string, earliest: string): void {
  const latest = calendarDateAt(ctx.clock.now(), ctx.timeZone);
  const problem = depositDateProblem(date, { approvedOn: earliest, today: latest });
  if (problem === 'format') {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'date', code: 'format', params: { format: 'YYYY-MM-DD' } }] });
  }
  if (problem !== undefined) {
    throw new AppError('DEPOSIT_DATE_OUT_OF_RANGE', { date, earliest, latest, reason: problem });
  }
}

/** Recomputes the album's status from its received copies and the required copies of its kind, and stores it. */
async function refreshDepositStatus(tx: TxContext, album: DepositAlbum): Promise<{ status: DepositAlbum['depositStatus']; received: number; required: number }> {
  const received = (await listDepositEvents(tx.db, album.id)).filter((e) => e.kind === 'received').reduce((n, e) => n + e.copies, 0);
  const required = requiredCopiesFor(await loadAgencySettings(tx), album.registrantKind);
  const status = depositStatusOf(received, required);
  if (status !== album.depositStatus) {
    await setAlbumDepositStatus(tx.db, album.id, status);
  }
  return { status, received, required };
}

/** A member learns nothing about albums not theirs; on its own album an agency action is simply not allowed. */
async function refuseMember(ctx: ServiceContext, actor: Actor, albumId: string): Promise<never> {
  if ((await findDepositAlbum(ctx.db, albumId, depositScope(actor))) === undefined) {
    throw new AppError('NOT_FOUND');
  }
  throw new AppError('FORBIDDEN');
}

/** An album's deposit: what is owed, what arrived, and the events (its members, or staff). */
export async function getAlbumDeposit(ctx: ServiceContext, actor: Actor, albumId: string): Promise<AlbumDepositResponse> {
  const album = await findDepositAlbum(ctx.db, albumId, depositScope(actor));
  if (album === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return depositView(ctx, album);
}

/**
 * 寄送送存品: the registrant declares copies sent (date, tracking number). Only on its own approved
 * physical album; the status does not move until an officer records what arrived.
 */
export async function declareSent(ctx: ServiceContext, actor: Actor, albumId: string, body: DeclareSentBody): Promise<AlbumDepositResponse> {
  if (!mayDeclareSent(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const text = withinStoredLengths(DeclareSentBody, { trackingNumber: cleanText(body.trackingNumber ?? ''), note: cleanText(body.note ?? '') });
  return withTransaction(ctx, async (tx) => {
    const album = await lockOwingAlbum(tx, actor, albumId);
    assertDepositDate(tx, body.date, album.approvedOn);
    const event = await insertDepositEvent(tx.db, {
      albumId,
      kind: 'sent',
      copies: body.copies,
      eventDate: body.date,
      ...text,
      recordedBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'deposit.sent', entityType: 'album', entityId: albumId, after: eventResponse(event) });
    return depositView(tx, album);
  });
}

/**
 * 登錄收件: an officer records copies received. The album's deposit status follows in the same
 * transaction from the copies received against those required of the registrant's kind (a
 * setting), and the registrant is told.
 */
export async function recordReceived(ctx: ServiceContext, actor: Actor, albumId: string, body: RecordReceivedBody): Promise<AlbumDepositResponse> {
  if (!mayRecordReceived(actor)) {
    return refuseMember(ctx, actor, albumId);
  }
  const { note } = withinStoredLengths(RecordReceivedBody, { note: cleanText(body.note ?? '') });
  return withTransaction(ctx, async (tx) => {
    const album = await lockOwingAlbum(tx, actor, albumId);
    assertDepositDate(tx, body.date, album.approvedOn);
    const event = await insertDepositEvent(tx.db, {
      albumId,
      kind: 'received',
      copies: body.copies,
      eventDate: body.date,
      trackingNumber: '',
      note,
      recordedBy: actor.userId,
    });
    const received = (await listDepositEvents(tx.db, albumId)).filter((e) => e.kind === 'received').reduce((n, e) => n + e.copies, 0);
    const required = requiredCopiesFor(await loadAgencySettings(tx), album.registrantKind);
    const status = depositStatusOf(received, required);
    if (status !== album.depositStatus) {
      await setAlbumDepositStatus(tx.db, albumId, status);
    }
    await recordAudit(tx, actor, {
      action: 'deposit.received',
      entityType: 'album',
      entityId: albumId,
      before: { depositStatus: album.depositStatus },
      after: { depositStatus: status, received, required, event: eventResponse(event) },
    });
    await notify(tx, {
      kind: 'deposit.received',
      audience: { registrantId: album.registrantId },
      albumId,
      params: { albumNumber: album.albumNumber, title: album.title, copies: body.copies },
    });
    return depositView(tx, album, status);
  });
}

/**
 * 更正: an officer removes a mistaken event (a wrong count, the wrong album). The status is
 * recomputed in the same transaction, and the audit row keeps the event and the reason.
 */
export async function correctEvent(ctx: ServiceContext, actor: Actor, albumId: string, body: CorrectEventBody): Promise<AlbumDepositResponse> {
  if (!mayRecordReceived(actor)) {
    return refuseMember(ctx, actor, albumId);
  }
  const { reason } = withinStoredLengths(CorrectEventBody, { reason: cleanText(body.reason) });
  if (reason === '') {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'reason', code: 'required' }] });
  }
  return withTransaction(ctx, async (tx) => {
    const album = await lockOwingAlbum(tx, actor, albumId);
    const removed = await deleteDepositEvent(tx.db, albumId, body.eventId);
    if (removed === undefined) {
      throw new AppError('NOT_FOUND');
    }
    const { status } = await refreshDepositStatus(tx, album);
    await recordAudit(tx, actor, {
      action: 'deposit.event.delete',
      entityType: 'album',
      entityId: albumId,
      before: { depositStatus: album.depositStatus, event: eventResponse(removed) },
      after: { depositStatus: status, reason },
    });
    return depositView(tx, album, status);
  });
}
