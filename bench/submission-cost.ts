/**
 * 送出審核 by an individual: an album of 10 new tracks against one of a single track, both taking
 * their pool codes in one transaction. The goal is that ten tracks cost no more than twice one
 * (registrant and tracks read once, codes written in one statement). Albums are prepared first;
 * only the submission is timed, one at a time.
 */
import { performance } from 'node:perf_hooks';
import type { Actor } from '../src/accounts/actor.js';
import { createUser } from '../src/accounts/users.service.js';
import { createAlbum, updateAlbum } from '../src/catalog/albums.service.js';
import { addTrack } from '../src/catalog/tracks.service.js';
import type { ServiceContext } from '../src/db/context.js';
import { addPoolCode } from '../src/registrants/registrant-codes.service.js';
import { createRegistrant } from '../src/registrants/registrants.service.js';
import { submitAlbum } from '../src/review/submit.service.js';
import { summarise } from './stats.js';

const WARMUP = 5;

const ALBUM = {
  title: '基準測試專輯',
  credits: [{ role: 'performer' as const, names: ['基準歌手'] }],
  publisher: '基準唱片',
  releaseDate: '2026.05.01',
  productionCompany: '基準製作',
  albumType: 'solo' as const,
};

async function individual(ctx: ServiceContext): Promise<Actor> {
  const registrant = await createRegistrant(ctx, null, { kind: 'individual', name: 'Benchmark Individual' });
  const user = await createUser(ctx, null, {
    loginName: `bench-${registrant.id.slice(0, 8)}`,
    displayName: 'bench',
    password: 'benchmark password',
    role: 'registrant_member',
    registrantId: registrant.id,
  });
  return { kind: 'member', userId: user.id, role: 'registrant_member', registrantId: registrant.id, ip: '127.0.0.1' };
}

async function prepareAlbums(ctx: ServiceContext, actor: Actor, count: number, tracks: number): Promise<string[]> {
  const ids: string[] = [];
  for (let a = 0; a < count; a++) {
    const album = await createAlbum(ctx, actor, { releaseType: 'digital' });
    await updateAlbum(ctx, actor, album.id, ALBUM);
    for (let t = 1; t <= tracks; t++) {
      await addTrack(ctx, actor, album.id, { recording: { title: `第 ${t} 首`, credits: [{ role: 'performer', names: ['基準歌手'] }], productionCompany: '基準製作' } });
    }
    ids.push(album.id);
  }
  return ids;
}

async function timeSubmission(ctx: ServiceContext, actor: Actor, albumId: string): Promise<number> {
  const t0 = performance.now();
  await submitAlbum(ctx, actor, albumId);
  return performance.now() - t0;
}

/** Returns the p50 ratio (10 tracks / 1 track) after logging both. */
export async function measureSubmissionCost(ctx: ServiceContext, albums: number, log: (line: string) => void): Promise<number> {
  await addPoolCode(ctx, null, undefined);
  const actor = await individual(ctx);
  const singles = await prepareAlbums(ctx, actor, albums, 1);
  const tens = await prepareAlbums(ctx, actor, albums, 10);
  // Warm up both paths, then alternate one of each so drift hits both alike.
  const one: number[] = [];
  const ten: number[] = [];
  for (const [i, single] of singles.entries()) {
    const tenTracks = tens[i];
    if (tenTracks === undefined) {
      break;
    }
    const a = await timeSubmission(ctx, actor, single);
    const b = await timeSubmission(ctx, actor, tenTracks);
    if (i >= WARMUP) {
      one.push(a);
      ten.push(b);
    }
  }
  const p50 = (latencies: number[]) => summarise(latencies, 0).p50Ms;
  const ratio = p50(ten) / p50(one);
  log(`submission (individual, pool codes), ${one.length} albums each, one at a time, alternating:`);
  log(`  1 track   p50 ${p50(one).toFixed(2)} ms`);
  log(`  10 tracks p50 ${p50(ten).toFixed(2)} ms`);
  log(`  ratio 10-track / 1-track submission: p50 ${ratio.toFixed(2)} (goal ≤ 2)`);
  return ratio;
}
