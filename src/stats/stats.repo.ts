import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../db/rows.js';
import type { Db } from '../db/types.js';
import type { RegistrantKind } from '../shared/enums.js';

/**
 * The figures of 年度回報量統計表, read in one statement. Months are the agency's: every instant is
 * turned into the agency's wall-clock time before its month is taken, and the year runs from
 * 1 January 00:00 to the next 1 January 00:00 in the agency's time zone.
 */

export const STAT_EVENTS = ['reported', 'approved', 'returned', 'deposited'] as const;
export type StatEvent = (typeof STAT_EVENTS)[number];

export interface StatScope {
  year: number;
  timeZone: string;
  /** Only this registrant's albums (a member's own, or an officer's filter). */
  registrantId?: string | undefined;
}

export interface StatRow {
  month: number;
  event: StatEvent;
  releaseType: 'digital' | 'physical';
  registrantId: string;
  registrantName: string;
  registrantKind: RegistrantKind;
  albums: number;
  recordings: number;
}

/** [from, to) of the year in the agency's time zone, as timestamptz expressions. */
function yearBounds(scope: StatScope): { from: SQL; to: SQL } {
  return {
    from: sql`make_timestamp(${scope.year}::int, 1, 1, 0, 0, 0) at time zone ${scope.timeZone}`,
    to: sql`make_timestamp(${scope.year + 1}::int, 1, 1, 0, 0, 0) at time zone ${scope.timeZone}`,
  };
}

/**
 * Album events of the year: first submission (round 1), each decision, and the day the deposit
 * became complete. A physical album is deposited on the day (agency calendar, as the desk entered
 * it) its received copies first reached the copies its registrant's kind owes (`requiredCopies`,
 * the setting), or on the last day copies arrived if the setting has since gone up; a digital one
 * when its audio was deposited. Only albums still deposited (已送存) count. Each event carries the
 * snapshot whose tracks it counts: its round's, or for a deposit the last approved round's.
 */
function eventsOf(scope: StatScope, requiredCopies: Readonly<Record<RegistrantKind, number>>, from: SQL, to: SQL): SQL {
  const required = sql`case r.kind when 'company' then ${requiredCopies.company}::int when 'individual' then ${requiredCopies.individual}::int else ${requiredCopies.government}::int end`;
  // A deposit counts what the agency last approved.
  const approvedSnapshot = (albumId: SQL) => sql`(select s.snapshot from album_submissions s where s.album_id = ${albumId} and s.decision = 'approved' order by s.round desc limit 1)`;
  return sql`
    select s.album_id, 'reported' as event, s.submitted_at as at, s.snapshot from album_submissions s
      where s.round = 1 and s.submitted_at >= ${from} and s.submitted_at < ${to}
    union all
    select s.album_id, case when s.decision = 'approved' then 'approved' else 'returned' end, s.decided_at, s.snapshot from album_submissions s
      where s.decision is not null and s.decided_at >= ${from} and s.decided_at < ${to}
    union all
    select p.album_id, 'deposited', p.at, ${approvedSnapshot(sql`p.album_id`)} from (
      select a.id as album_id,
             (coalesce(min(c.event_date) filter (where c.received >= ${required}), max(c.event_date))::date)::timestamp at time zone ${scope.timeZone} as at
      from albums a
      join registrants r on r.id = a.registrant_id
      join lateral (
        select e.event_date, sum(e.copies) over (order by e.event_date, e.created_at, e.id) as received
        from deposit_events e where e.album_id = a.id and e.kind = 'received'
      ) c on true
      where a.deposit_status = 'deposited' and a.release_type = 'physical'
      group by a.id, r.kind
    ) p where p.at >= ${from} and p.at < ${to}
    union all
    select d.album_id, 'deposited', d.deposited_at, ${approvedSnapshot(sql`d.album_id`)} from audio_deposits d join albums a on a.id = d.album_id
      where a.deposit_status = 'deposited' and a.release_type = 'digital' and d.deposited_at >= ${from} and d.deposited_at < ${to}`;
}

/**
 * The ISRCs an event counts: the album's tracks as that round's snapshot has them (what was
 * submitted, or what was approved for a deposit), not as they are now; cited tracks are another
 * album's. Only this agency's ISRCs count, those in its ledger (isrc_assignments): a foreign code
 * (境外製作, another agency's) is reported to the agency but not issued by it. Rounds submitted
 * before snapshots were kept (backfilled) fall back to the album's tracks as they are now.
 */
const eventIsrcs = sql`
  select count(distinct l.isrc)::int as n from (
    select replace(t.value->'fields'->>'isrc', '-', '') as isrc
      from jsonb_array_elements(case when jsonb_typeof(e.snapshot->'tracks') = 'array' then e.snapshot->'tracks' else '[]'::jsonb end) t
      where (t.value->'fields'->>'cited') is distinct from 'true'
    union all
    select rec.isrc from album_tracks tk join recordings rec on rec.id = tk.recording_id
      where tk.album_id = e.album_id and not tk.cited and jsonb_typeof(e.snapshot->'tracks') is distinct from 'array'
  ) x join isrc_assignments l on l.isrc = x.isrc`;

function toStatRow(r: Record<string, unknown>): StatRow {
  return {
    month: Number(r.month),
    event: String(r.event) as StatEvent,
    releaseType: String(r.release_type) as StatRow['releaseType'],
    registrantId: String(r.registrant_id),
    registrantName: String(r.registrant_name),
    registrantKind: String(r.registrant_kind) as RegistrantKind,
    albums: Number(r.albums),
    recordings: Number(r.recordings),
  };
}

/** Counts per month, event, release type and registrant: the service adds them up per view. */
export async function statRows(db: Db, scope: StatScope, requiredCopies: Readonly<Record<RegistrantKind, number>>): Promise<StatRow[]> {
  const { from, to } = yearBounds(scope);
  const onlyRegistrant = scope.registrantId === undefined ? sql`` : sql`and a.registrant_id = ${scope.registrantId}`;
  const result = await db.execute(sql`
    with events as (${eventsOf(scope, requiredCopies, from, to)})
    select extract(month from e.at at time zone ${scope.timeZone})::int as month, e.event, a.release_type,
           a.registrant_id, r.name as registrant_name, r.kind as registrant_kind,
           count(*)::int as albums, coalesce(sum(tr.n), 0)::int as recordings
    from events e
    join albums a on a.id = e.album_id
    join registrants r on r.id = a.registrant_id
    cross join lateral (${eventIsrcs}) tr
    where true ${onlyRegistrant}
    group by 1, 2, 3, 4, 5, 6`);
  return rowsOf(result).map(toStatRow);
}

export interface AllocatedCodeRow {
  code: string;
  isPool: boolean;
  registrantName: string | null;
  registrantKind: RegistrantKind | null;
  /** YYYY-MM-DD of entry in the agency's calendar, when that falls in the year. */
  allocatedOn: string | null;
}

/** Registrant codes allocated in the year (allocated_year), with the day each was entered if in that year. */
export async function allocatedCodes(db: Db, scope: StatScope): Promise<AllocatedCodeRow[]> {
  const result = await db.execute(sql`
    select c.country_code || c.code as code, c.is_pool, r.name, r.kind,
           to_char(c.created_at at time zone ${scope.timeZone}, 'YYYY-MM-DD') as created_on
    from registrant_codes c left join registrants r on r.id = c.registrant_id
    where c.allocated_year = ${scope.year}
    order by c.created_at, c.code`);
  return rowsOf(result).map((r) => {
    const createdOn = String(r.created_on);
    return {
      code: String(r.code),
      isPool: r.is_pool === true,
      registrantName: typeof r.name === 'string' ? r.name : null,
      registrantKind: typeof r.kind === 'string' ? (r.kind as RegistrantKind) : null,
      allocatedOn: createdOn.startsWith(`${scope.year}-`) ? createdOn : null,
    };
  });
}

export interface RegistrantKindRow {
  kind: RegistrantKind;
  /** 0 for registrants admitted before the year. */
  month: number;
  n: number;
}

/** Registrants existing at the year's end, by kind and the month (of this year) they were admitted, 0 if earlier. */
export async function registrantsByKind(db: Db, scope: StatScope): Promise<RegistrantKindRow[]> {
  const { from, to } = yearBounds(scope);
  const result = await db.execute(sql`
    select r.kind, case when r.created_at >= ${from} then extract(month from r.created_at at time zone ${scope.timeZone})::int else 0 end as month,
           count(*)::int as n
    from registrants r
    where r.created_at < ${to}
    group by 1, 2`);
  return rowsOf(result).map((r) => ({ kind: String(r.kind) as RegistrantKind, month: Number(r.month), n: Number(r.n) }));
}

/** Whether the registrant exists (an officer's filter naming no registrant is a 404). */
export async function registrantExists(db: Db, registrantId: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from registrants where id = ${registrantId}`)).length > 0;
}
