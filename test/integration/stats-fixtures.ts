/**
 * Generated data for the statistics tests: albums walked through the real services (create, tracks,
 * submit, approve / return / resubmit, copies received) at chosen instants, many of them on the
 * edges of months and years in Asia/Taipei, plus a few digital albums whose audio deposit is
 * written directly (uploading audio is the media tests' business).
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../src/accounts/actor.js';
import { createAlbum, updateAlbum } from '../../src/catalog/albums.service.js';
import { addTrack, citeTrack } from '../../src/catalog/tracks.service.js';
import { recordReceived } from '../../src/deposit/deposit.service.js';
import { calendarDateAt } from '../../src/review/deposit-state.js';
import { approveAlbum, returnAlbum } from '../../src/review/review.service.js';
import { submitAlbum } from '../../src/review/submit.service.js';
import { completeAlbumFields, completeRecording } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import type { TestMember } from '../helpers/factories.js';
import type { TestEnv } from '../helpers/setup.js';
import type { RegistrantKind } from '../../src/shared/enums.js';

/** The test's clock: every service call happens at `clockAt.t`. */
export const clockAt = { t: new Date('2026-06-15T08:00:00Z') };
export const movableClock = { now: () => new Date(clockAt.t.getTime()) };

/** Instants that fall on either side of a month or year boundary in Asia/Taipei (UTC+8). */
export const EDGES = [
  '2025-12-31T15:59:00Z', // 2025-12-31 23:59 in Taipei: 2025
  '2025-12-31T16:00:00Z', // 2026-01-01 00:00: January 2026
  '2026-01-31T15:59:00Z', // 2026-01-31 23:59: January
  '2026-01-31T16:30:00Z', // 2026-02-01 00:30: February, though still January in UTC
  '2026-06-30T16:00:00Z', // 2026-07-01 00:00: July
  '2026-12-31T15:59:59Z', // 2026-12-31 23:59:59: December 2026
  '2026-12-31T16:00:00Z', // 2027-01-01 00:00: 2027
].map((s) => new Date(s));

const DAY = 86_400_000;

/** A small seeded generator (mulberry32), so a failure can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Outcome = 'draft' | 'submitted' | 'approved' | 'returned' | 'returned-approved' | 'deposited' | 'partly-deposited';

/** A registrant's member, with the registrant's kind. */
export type Member = TestMember & { kind: RegistrantKind };

export interface AlbumPlan {
  member: Member;
  releaseType: 'digital' | 'physical';
  tracks: number;
  /** When it is submitted (and created); later steps follow by `gapMs` each. */
  start: Date;
  gapMs: number;
  outcome: Outcome;
  /** A recording to cite as an extra track (never counted for this album). */
  cite?: string;
}

/** Walks one album through its plan; returns its id and its first recording. */
export async function playAlbum(env: TestEnv, officer: Actor, plan: AlbumPlan): Promise<{ albumId: string; recordingId: string }> {
  const { ctx } = env;
  const actor = plan.member.actor;
  let at = plan.start.getTime();
  const step = () => {
    at += plan.gapMs;
    clockAt.t = new Date(at);
  };
  clockAt.t = new Date(at);
  const album = await createAlbum(ctx, actor, { releaseType: plan.releaseType });
  await updateAlbum(ctx, actor, album.id, completeAlbumFields(`統計 ${album.albumNumber}`));
  const individual = plan.member.codes.length === 0;
  let recordingId = '';
  for (let i = 0; i < plan.tracks; i++) {
    const track = await addTrack(ctx, actor, album.id, { isrc: individual ? { mode: 'none' } : { mode: 'next' }, recording: completeRecording(`第 ${i + 1} 首`) });
    recordingId ||= track.recording.id;
  }
  if (plan.cite !== undefined) {
    await citeTrack(ctx, actor, album.id, { recordingId: plan.cite });
  }
  if (plan.outcome === 'draft') {
    return { albumId: album.id, recordingId };
  }
  await submitAlbum(ctx, actor, album.id);
  if (plan.outcome === 'submitted') {
    return { albumId: album.id, recordingId };
  }
  step();
  if (plan.outcome === 'returned' || plan.outcome === 'returned-approved') {
    await returnAlbum(ctx, officer, album.id, '請補正資料');
    if (plan.outcome === 'returned') {
      return { albumId: album.id, recordingId };
    }
    step();
    await submitAlbum(ctx, actor, album.id);
    step();
  }
  await approveAlbum(ctx, officer, album.id);
  if (plan.outcome === 'deposited' || plan.outcome === 'partly-deposited') {
    step();
    await deposit(env, officer, album.id, plan, step);
  }
  return { albumId: album.id, recordingId };
}

async function deposit(env: TestEnv, officer: Actor, albumId: string, plan: AlbumPlan, step: () => void): Promise<void> {
  const today = () => calendarDateAt(clockAt.t, env.ctx.timeZone);
  if (plan.releaseType === 'physical') {
    // The defaults: government bodies owe 2 copies, the others 1.
    const owed = plan.member.kind === 'government' ? 2 : 1;
    if (plan.outcome === 'partly-deposited') {
      if (owed === 2) {
        await recordReceived(env.ctx, officer, albumId, { copies: 1, date: today() });
      }
      return;
    }
    if (owed === 2 && plan.tracks > 1) {
      // Two parcels on different days: deposited on the day of the second.
      await recordReceived(env.ctx, officer, albumId, { copies: 1, date: today() });
      step();
    }
    await recordReceived(env.ctx, officer, albumId, { copies: owed === 2 && plan.tracks > 1 ? 1 : owed, date: today() });
    return;
  }
  if (plan.outcome === 'deposited') {
    await env.handle.db.execute(
      sql`insert into audio_deposits (album_id, registrant_id, deposited_at) values (${albumId}, ${plan.member.registrantId}, ${clockAt.t.toISOString()}::timestamptz)`,
    );
    await env.handle.db.execute(sql`update albums set deposit_status = 'deposited' where id = ${albumId}`);
  }
}

/** Random plans: start on a month edge about a third of the time, else anywhere from Dec 2025 to Jan 2027. */
export function randomPlans(members: readonly Member[], count: number, random: () => number): AlbumPlan[] {
  const outcomes: Outcome[] = ['draft', 'submitted', 'approved', 'returned', 'returned-approved', 'deposited', 'partly-deposited'];
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(random() * xs.length)];
    if (x === undefined) {
      throw new Error('empty choice');
    }
    return x;
  };
  const from = Date.parse('2025-12-01T00:00:00Z');
  const span = Date.parse('2027-01-20T00:00:00Z') - from;
  return Array.from({ length: count }, () => ({
    member: pick(members),
    releaseType: random() < 0.5 ? 'digital' : 'physical',
    tracks: 1 + Math.floor(random() * 3),
    start: random() < 0.35 ? pick(EDGES) : new Date(from + Math.floor(random() * span)),
    gapMs: random() < 0.3 ? 60_000 : Math.floor(random() * 40 * DAY),
    outcome: pick(outcomes),
  }));
}

/** Figures counted straight from the tables, per event, agency month (YYYY-MM), release type, kind and registrant. */
export interface Counted {
  event: 'reported' | 'approved' | 'returned' | 'deposited';
  ym: string;
  releaseType: string;
  kind: string;
  registrantId: string;
  albums: number;
  recordings: number;
}

/**
 * The same figures as the service, counted another way: month taken with to_char on the Taipei
 * wall clock, physical deposit on the day of the last copies received (the generator never sends
 * copies beyond the owed ones), no year bounds (the test picks the year from `ym`).
 */
export async function countDirectly(env: TestEnv): Promise<Counted[]> {
  const rows = await queryRows(
    env.handle,
    sql`
    with own as (select album_id, count(*) as n from album_tracks where cited = false group by album_id),
    ev as (
      select album_id, 'reported' as event, to_char(submitted_at at time zone 'Asia/Taipei', 'YYYY-MM') as ym from album_submissions where round = 1
      union all
      select album_id, decision::text, to_char(decided_at at time zone 'Asia/Taipei', 'YYYY-MM') from album_submissions where decision is not null
      union all
      select e.album_id, 'deposited', substr(max(e.event_date), 1, 7) from deposit_events e join albums a on a.id = e.album_id
        where e.kind = 'received' and a.deposit_status = 'deposited' group by e.album_id
      union all
      select album_id, 'deposited', to_char(deposited_at at time zone 'Asia/Taipei', 'YYYY-MM') from audio_deposits
    )
    select ev.event, ev.ym, a.release_type::text as release_type, r.kind::text as kind, a.registrant_id::text as registrant_id,
           count(*) as albums, coalesce(sum(own.n), 0) as recordings
    from ev join albums a on a.id = ev.album_id join registrants r on r.id = a.registrant_id left join own on own.album_id = a.id
    group by 1, 2, 3, 4, 5`,
  );
  return rows.map((r) => ({
    event: String(r.event) as Counted['event'],
    ym: String(r.ym),
    releaseType: String(r.release_type),
    kind: String(r.kind),
    registrantId: String(r.registrant_id),
    albums: Number(r.albums),
    recordings: Number(r.recordings),
  }));
}
