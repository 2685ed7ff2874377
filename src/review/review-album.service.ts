import type { Actor } from '../accounts/actor.js';
import { getAlbum } from '../catalog/albums.service.js';
import type { AlbumResponse } from '../catalog/catalog.schemas.js';
import type { ServiceContext } from '../db/context.js';
import { getIssuanceFacts, getRegistrantSummary } from '../registrants/registrants.service.js';
import { AppError } from '../shared/errors.js';
import { looksLikeSameRecording, duplicateKey } from './duplicate-key.js';
import { albumFindings, type DuplicateMatch, type Finding, type FindingTrack } from './findings.js';
import { assertWorkspace } from './review-queue.service.js';
import { duplicateCandidates, knownIsrcs, listRounds, userNames, type RoundRow } from './review.repo.js';
import type { ReviewAlbumResponse, RoundResponse } from './review.schemas.js';
import { changesSinceLastSubmission, readSnapshot } from './submission-diff.js';

function findingTracks(album: AlbumResponse): FindingTrack[] {
  return album.tracks.map((t) => ({
    trackId: t.id,
    position: t.position,
    recordingId: t.recording.id,
    title: t.recording.title,
    isrc: t.recording.isrc,
    credits: t.recording.credits,
    durationSeconds: t.recording.durationSeconds,
    versionType: t.recording.versionType,
    versionOfIsrc: t.recording.versionOfIsrc,
  }));
}

/** Possible duplicates elsewhere in the registry: the query narrows by title and duration, then main performers are compared. */
async function duplicatesOf(ctx: ServiceContext, album: AlbumResponse, tracks: readonly FindingTrack[]): Promise<DuplicateMatch[]> {
  const probes = tracks.flatMap((t) => {
    const titleKey = duplicateKey(t.title);
    return t.durationSeconds === null || titleKey === '' ? [] : [{ trackId: t.trackId, titleKey, durationSeconds: t.durationSeconds }];
  });
  const candidates = await duplicateCandidates(ctx.db, album.id, probes);
  return candidates.flatMap((c) => {
    const track = tracks.find((t) => t.trackId === c.trackId);
    return track !== undefined && looksLikeSameRecording(track, c)
      ? [{ trackId: c.trackId, isrc: c.isrc, title: c.title, registrantName: c.registrantName, sameRegistrant: c.registrantId === album.registrantId, albumNumber: c.albumNumber }]
      : [];
  });
}

async function findingsOf(ctx: ServiceContext, album: AlbumResponse, codeYears: readonly number[]): Promise<Finding[]> {
  const tracks = findingTracks(album);
  const originals = [...new Set(tracks.flatMap((t) => (t.versionOfIsrc === null ? [] : [t.versionOfIsrc])))];
  const known = await knownIsrcs(ctx.db, originals);
  return albumFindings({
    album: { releaseDate: album.releaseDate, retroactive: album.retroactive },
    tracks,
    codeYears,
    duplicates: await duplicatesOf(ctx, album, tracks),
    unknownOriginals: new Set(originals.filter((isrc) => !known.has(isrc))),
  });
}

async function roundsOf(ctx: ServiceContext, rounds: readonly RoundRow[]): Promise<RoundResponse[]> {
  const names = await userNames(
    ctx.db,
    rounds.flatMap((r) => [r.submittedBy, r.decidedBy].filter((id): id is string => id !== null)),
  );
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  return rounds.map((r) => ({
    round: r.round,
    submittedAt: r.submittedAt.toISOString(),
    submittedBy: nameOf(r.submittedBy),
    decision: r.decision,
    reason: r.reason,
    trackReasons: r.trackReasons,
    decidedBy: nameOf(r.decidedBy),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    backfilled: readSnapshot(r.snapshot) === undefined,
  }));
}

/**
 * The officer's view of one album: every album and track field, the registrant (with its codes),
 * the findings computed here, every review round and what changed since the previous one.
 */
export async function getReviewAlbum(ctx: ServiceContext, actor: Actor, albumId: string): Promise<ReviewAlbumResponse> {
  if (actor.kind === 'member') {
    // As with 通過 and 退回: a registrant must not learn whether an album id exists.
    throw new AppError('NOT_FOUND');
  }
  assertWorkspace(actor);
  const album = await getAlbum(ctx, actor, albumId);
  const registrant = await getRegistrantSummary(ctx, album.registrantId);
  if (registrant === undefined) {
    throw new AppError('NOT_FOUND');
  }
  const facts = await getIssuanceFacts(ctx, album.registrantId);
  const codes = (facts?.ownCodes ?? []).map((code) => ({ code: `${ctx.countryCode}-${code}`, allocatedYear: facts?.allocatedYears[code] ?? 0 }));
  const rounds = await listRounds(ctx.db, albumId);
  const [latest, previous] = rounds;
  return {
    album,
    registrant: { id: registrant.id, name: registrant.name, kind: registrant.kind, codes },
    findings: await findingsOf(
      ctx,
      album,
      codes.map((c) => c.allocatedYear),
    ),
    rounds: await roundsOf(ctx, rounds),
    round: latest?.round ?? null,
    changes: latest === undefined ? { basis: 'first' } : changesSinceLastSubmission(previous, latest),
  };
}
