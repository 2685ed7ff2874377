/**
 * Helpers for the catalog (albums, tracks, submission, review) integration tests: an HTTP client
 * bound to one session, complete form data, and direct reads of the counter and the audit log.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { AlbumPage, AlbumResponse, CitableRecording, RecordingFields, TrackResponse } from '../../src/catalog/catalog.schemas.js';
import type { Clock } from '../../src/shared/clock.js';
import { loginCookie } from './app.js';
import { queryRows } from './db.js';
import { newRegistrant, newStaff, TEST_PASSWORD, type TestMember } from './factories.js';
import type { TestEnv } from './setup.js';

export const API = '/api/v1';

/** An inject() answer. */
export type Reply = LightMyRequestResponse;

export interface ErrorJson {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export interface ProblemJson {
  scope: 'album' | 'track';
  trackId?: string;
  position?: number;
  field: string;
  code: string;
  message: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** An API client for one signed-in user. `lang` becomes Accept-Language. */
export interface Client {
  readonly cookie: string;
  call(method: Method, path: string, payload?: unknown, lang?: string): Promise<Reply>;
}

export function client(env: TestEnv, cookie: string): Client {
  return {
    cookie,
    call(method, path, payload, lang = 'zh-TW') {
      return env.app.inject({
        method,
        url: `${API}${path}`,
        headers: { cookie, 'accept-language': lang },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
    },
  };
}

export interface MemberSession {
  member: TestMember;
  api: Client;
}

export async function memberSession(
  env: TestEnv,
  kind: 'company' | 'individual' | 'government' = 'company',
  options: { codes?: number; allocatedYear?: number } = {},
): Promise<MemberSession> {
  const member = await newRegistrant(env.ctx, kind, options);
  return { member, api: client(env, await loginCookie(env.app, member.loginName, TEST_PASSWORD)) };
}

export async function staffSession(env: TestEnv): Promise<Client> {
  const staff = await newStaff(env.ctx, 'agency_officer');
  return client(env, await loginCookie(env.app, staff.loginName, TEST_PASSWORD));
}

/** The answer, after checking its status (a failure shows the body); read it with `.json<T>()`. */
export function ok(res: Reply, status = 200): Reply {
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

/** The error of a failed answer, after checking status and code. */
export function failed(res: Reply, status: number, code: string): ErrorJson['error'] {
  expect(res.statusCode, res.body).toBe(status);
  const { error } = res.json<ErrorJson>();
  expect(error.code).toBe(code);
  return error;
}

/** Every album field the submission check asks for. */
export function completeAlbumFields(title: string, performer = '測試歌手') {
  return {
    title,
    credits: [{ role: 'performer' as const, names: [performer] }],
    publisher: '測試唱片',
    releaseDate: '2026.05.01',
    productionCompany: '測試製作',
    albumType: 'solo' as const,
  };
}

/** Every recording field the submission check asks for (the ISRC is chosen separately). */
export function completeRecording(title: string, extra: RecordingFields = {}): RecordingFields {
  return { title, credits: [{ role: 'performer', names: ['測試歌手'] }], productionCompany: '測試製作', ...extra };
}

export async function createAlbum(api: Client, fields?: Record<string, unknown>, releaseType: 'digital' | 'physical' = 'digital'): Promise<AlbumResponse> {
  const album = ok(await api.call('POST', '/albums', { releaseType }), 201).json<AlbumResponse>();
  if (fields === undefined) {
    return album;
  }
  return ok(await api.call('PATCH', `/albums/${album.id}`, fields)).json<AlbumResponse>();
}

export type IsrcChoiceJson = { mode: 'none' } | { mode: 'next' } | { mode: 'own'; isrc: string; confirmJump?: boolean } | { mode: 'foreign'; isrc: string };

/** A foreign code is kept only on a recording produced abroad: unless the test says otherwise, it is. */
export function addTrackReq(api: Client, albumId: string, recording: RecordingFields, isrc: IsrcChoiceJson = { mode: 'none' }): Promise<Reply> {
  const fields = isrc.mode === 'foreign' && recording.producedAbroad === undefined ? { ...recording, producedAbroad: true } : recording;
  return api.call('POST', `/albums/${albumId}/tracks`, { isrc, recording: fields });
}

export async function addTrack(api: Client, albumId: string, recording: RecordingFields, isrc: IsrcChoiceJson = { mode: 'none' }): Promise<TrackResponse> {
  return ok(await addTrackReq(api, albumId, recording, isrc), 201).json<TrackResponse>();
}

export async function getAlbum(api: Client, albumId: string): Promise<AlbumResponse> {
  return ok(await api.call('GET', `/albums/${albumId}`)).json<AlbumResponse>();
}

export async function listAlbums(api: Client, query: string): Promise<AlbumPage> {
  return ok(await api.call('GET', `/albums?${query}`)).json<AlbumPage>();
}

export async function citable(api: Client, q: string): Promise<CitableRecording[]> {
  return ok(await api.call('GET', `/recordings/citable?q=${encodeURIComponent(q)}`)).json<CitableRecording[]>();
}

/**
 * A complete album with the given new tracks, submitted and approved by `staff`, so its
 * recordings can be cited. Companies' tracks take the next code; individuals' come from the pool.
 */
export async function approvedAlbum(session: MemberSession, staff: Client, title: string, trackTitles: readonly string[]): Promise<AlbumResponse> {
  const individual = session.member.codes.length === 0;
  const album = await createAlbum(session.api, completeAlbumFields(title));
  for (const t of trackTitles) {
    await addTrack(session.api, album.id, completeRecording(t), individual ? { mode: 'none' } : { mode: 'next' });
  }
  ok(await session.api.call('POST', `/albums/${album.id}/submit`));
  return ok(await staff.call('POST', `/albums/${album.id}/approve`)).json<AlbumResponse>();
}

/** A clock the test moves forward, for ordering by submission time. */
export function steppingClock(start: Date): { clock: Clock; advance(ms: number): void } {
  let at = start.getTime();
  return {
    clock: { now: () => new Date(at) },
    advance(ms: number) {
      at += ms;
    },
  };
}

/** last_designation of one counter (0 when the row does not exist yet). */
export async function counterValue(env: TestEnv, registrantCode: string, yearOfReference = 26): Promise<number> {
  const rows = await queryRows(
    env.handle,
    sql`select last_designation from designation_counters where country_code = 'TW' and registrant_code = ${registrantCode} and year_of_reference = ${yearOfReference}`,
  );
  return rows[0] === undefined ? 0 : Number(rows[0].last_designation);
}

export interface AuditRow {
  action: string;
  actorUserId: string | null;
  before: unknown;
  after: unknown;
}

/** Audit rows about one entity, oldest first. */
export async function auditRows(env: TestEnv, entityId: string): Promise<AuditRow[]> {
  const rows = await queryRows(env.handle, sql`select action, actor_user_id::text as actor, before, after from audit_log where entity_id = ${entityId} order by id`);
  return rows.map((r) => ({
    action: String(r.action),
    actorUserId: typeof r.actor === 'string' ? r.actor : null,
    before: r.before,
    after: r.after,
  }));
}

/** `TW-XXX-26-00005` from a registrant code and designation. */
export function display(registrantCode: string, designation: number, year = 26): string {
  return `TW-${registrantCode}-${String(year).padStart(2, '0')}-${String(designation).padStart(5, '0')}`;
}

export function compact(registrantCode: string, designation: number, year = 26): string {
  return `TW${registrantCode}${String(year).padStart(2, '0')}${String(designation).padStart(5, '0')}`;
}

/** The designation of a compact or display ISRC. */
export function designationOf(isrc: string | null): number {
  if (isrc === null) {
    throw new Error('no ISRC');
  }
  return Number(isrc.replaceAll('-', '').slice(7));
}
