/** Shared by the deposit and agency-settings tests: approved physical albums and staff sessions. */
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import type { AlbumDepositResponse } from '../../src/deposit/deposit.schemas.js';
import { loginCookie } from '../helpers/app.js';
import { addTrack, client, completeAlbumFields, completeRecording, createAlbum, ok, type Client, type MemberSession } from '../helpers/catalog.js';
import { newStaff, TEST_PASSWORD } from '../helpers/factories.js';
import type { TestEnv } from '../helpers/setup.js';

export async function staffClient(env: TestEnv, role: 'agency_admin' | 'agency_officer'): Promise<Client & { loginName: string }> {
  const staff = await newStaff(env.ctx, role);
  return { ...client(env, await loginCookie(env.app, staff.loginName, TEST_PASSWORD)), loginName: staff.loginName };
}

/** A fresh session for the same login (a stepped clock ends idle sessions). */
export async function relogin(env: TestEnv, loginName: string): Promise<Client> {
  return client(env, await loginCookie(env.app, loginName, TEST_PASSWORD));
}

/** A complete album of `releaseType` with one track, submitted and (unless `approve` is false) approved. */
export async function reviewedAlbum(session: MemberSession, staff: Client, title: string, releaseType: 'digital' | 'physical' = 'physical', approve = true): Promise<AlbumResponse> {
  const individual = session.member.codes.length === 0;
  const album = await createAlbum(session.api, completeAlbumFields(title), releaseType);
  await addTrack(session.api, album.id, completeRecording(`${title} 第一首`), individual ? { mode: 'none' } : { mode: 'next' });
  ok(await session.api.call('POST', `/albums/${album.id}/submit`));
  if (!approve) {
    return album;
  }
  return ok(await staff.call('POST', `/albums/${album.id}/approve`)).json<AlbumResponse>();
}

export async function receive(staff: Client, albumId: string, copies: number, date: string): Promise<AlbumDepositResponse> {
  return ok(await staff.call('POST', `/albums/${albumId}/deposits/received`, { copies, date }), 201).json<AlbumDepositResponse>();
}
