import type { Download } from 'playwright-core';
import { ApiSession } from './api.js';
import { E2E_ADMIN_PASSWORD, type RunningServer } from './server.js';

/** A company with one member and one officer, an approved album of one track, and a draft album. */
export interface ApprovedAlbumSeed {
  albumId: string;
  draftId: string;
  isrc: string;
}

export interface SeedNames {
  member: { loginName: string; password: string; displayName: string };
  officer: { loginName: string; password: string; displayName: string; role: 'agency_officer' };
  /** The company's name stem (e.g. 月光 → 月光唱片有限公司, 月光樂團, 月光製作). */
  stem: string;
  albumTitle: string;
  trackTitle: string;
}

/** Seeds what the export browser tests (DDEX, MARC) start from, through the API. */
export async function seedApprovedAlbum(server: RunningServer, names: SeedNames): Promise<ApprovedAlbumSeed> {
  const admin = await ApiSession.login(server.baseUrl, 'admin', E2E_ADMIN_PASSWORD);
  await admin.call('POST', '/users', names.officer);
  const registrant = await admin.call<{ id: string }>('POST', '/registrants', { kind: 'company', name: `${names.stem}唱片有限公司`, contactPerson: names.member.displayName });
  await admin.call('POST', `/registrants/${registrant.id}/codes`, {});
  await admin.call('POST', `/registrants/${registrant.id}/users`, names.member);
  const member = await ApiSession.login(server.baseUrl, names.member.loginName, names.member.password);
  const credits = [{ role: 'performer', names: [`${names.stem}樂團`] }];
  const productionCompany = `${names.stem}製作`;
  const fields = { title: names.albumTitle, credits, publisher: `${names.stem}唱片`, releaseDate: '2025.05.01', productionCompany, albumType: 'single' };
  const album = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  await member.call('PATCH', `/albums/${album.id}`, fields);
  const track = await member.call<{ recording: { isrc: string } }>('POST', `/albums/${album.id}/tracks`, {
    isrc: { mode: 'next' },
    recording: { title: names.trackTitle, credits, productionCompany, duration: '0:03:45' },
  });
  await member.call('POST', `/albums/${album.id}/submit`);
  await admin.call('POST', `/albums/${album.id}/approve`);
  const draft = await member.call<{ id: string }>('POST', '/albums', { releaseType: 'digital' });
  await member.call('PATCH', `/albums/${draft.id}`, { ...fields, title: '草稿專輯' });
  return { albumId: album.id, draftId: draft.id, isrc: track.recording.isrc };
}

/** The bytes of a browser download. */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) {
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}
