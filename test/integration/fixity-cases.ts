/**
 * The fixity (保存檢核) cases, run once per storage (filesystem, S3): a clean run passes every
 * object; after one stored file is overwritten, one altered in size and one removed behind the
 * application's back, a run reports exactly those, with what holds each, and records a PREMIS-style
 * event per object.
 */
import { sql } from 'drizzle-orm';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import { createChangeRequest } from '../../src/change-requests/change-requests.service.js';
import { registrantChangeRequests } from '../../src/db/schema/index.js';
import type { FixityRunDetail, FixityRunPage, FixityRunResponse } from '../../src/fixity/fixity.schemas.js';
import { storeStaged, type CommittedObject } from '../../src/storage/objects.service.js';
import { stageUpload } from '../../src/storage/staging.js';
import { auditRows, failed, memberSession, ok, type Client, type MemberSession } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { approvedDigitalAlbum, attachAllAudio, type StorageTestEnv } from './audio-deposit-fixtures.js';
import { staffClient } from './deposit-fixtures.js';

export interface StorageTampering {
  /** Replaces the bytes under `key`, behind the application's back. */
  overwrite(key: string, bytes: Buffer): Promise<void>;
  remove(key: string): Promise<void>;
}

export async function waitForRun(staff: Client, runId: string): Promise<FixityRunDetail> {
  for (let i = 0; i < 400; i++) {
    const run = ok(await staff.call('GET', `/fixity/runs/${runId}`)).json<FixityRunDetail>();
    if (run.status !== 'running') {
      return run;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`fixity run ${runId} did not finish`);
}

async function storedObjectCount(env: StorageTestEnv): Promise<number> {
  return Number((await queryRows(env.handle, sql`select count(*)::int as n from stored_objects`))[0]?.n);
}

/** A stamped scan attached to a change request, stored like an upload. */
async function attachScan(env: StorageTestEnv, member: MemberSession): Promise<{ id: string; object: CommittedObject }> {
  const request = await createChangeRequest(env.ctx, member.member.actor, { changes: [{ field: 'address', after: '新地址' }], reason: '搬遷' });
  const staged = await stageUpload(Readable.from([Buffer.from(`%PDF-1.4\n${request.id}\n%%EOF\n`)]), { dir: env.stagingDir, maxBytes: 1 << 20 });
  const object = await storeStaged(env.ctx, [{ staged, contentType: 'application/pdf' }], async (tx, [o]) => {
    await tx.db
      .update(registrantChangeRequests)
      .set({ attachment: { key: o!.storageKey, fileName: 'scan.pdf', contentType: o!.contentType, size: o!.size, sha256: o!.sha256 } })
      .where(sql`${registrantChangeRequests.id} = ${request.id}`);
    return o!;
  });
  return { id: request.id, object };
}

export function fixityCases(env: StorageTestEnv, tamper: StorageTampering): void {
  let officer: Client;
  let company: MemberSession;
  let album: AlbumResponse;
  let audio: CommittedObject[];
  let scan: { id: string; object: CommittedObject };

  beforeAll(async () => {
    officer = await staffClient(env, 'agency_officer');
    company = await memberSession(env, 'company');
    album = await approvedDigitalAlbum(company, officer, '保存檢核', 3);
    audio = await attachAllAudio(env.ctx, album, 20_000);
    ok(await company.api.call('POST', `/albums/${album.id}/audio-deposit`), 201);
    scan = await attachScan(env, company);
  });

  describe('a clean run', () => {
    it('checks every stored object, records a pass event each, and reads back its counters', async () => {
      const total = await storedObjectCount(env);
      const started = ok(await officer.call('POST', '/fixity/runs'), 202).json<FixityRunResponse>();
      expect(started).toMatchObject({ objectsTotal: total, startedBy: '管理中心同仁' });
      const run = await waitForRun(officer, started.id);
      expect(run).toMatchObject({ status: 'done', objectsChecked: total, passed: total, failed: 0, missing: 0, progress: 1, error: null, failures: [] });
      expect(run.agent).toMatch(/^isrc-registry fixity \d+\.\d+\.\d+/);
      const events = await queryRows(env.handle, sql`select outcome, agent, computed_sha256 = object_sha256 as same from fixity_events where run_id = ${run.id}`);
      expect(events).toHaveLength(total);
      expect(events.every((e) => e.outcome === 'pass' && e.same === true && e.agent === run.agent)).toBe(true);
      const objects = await queryRows(env.handle, sql`select count(*)::int as n from stored_objects where last_fixity_outcome = 'pass' and last_fixity_at is not null`);
      expect(objects[0]?.n).toBe(total);
      expect((await auditRows(env, run.id)).map((r) => r.action)).toEqual(['fixity.start']);
    });
  });

  describe('after files change behind the application’s back', () => {
    it('reports the overwritten, shortened and missing files with what holds each', async () => {
      const [flipped, shortened, removed] = audio;
      await tamper.overwrite(flipped!.storageKey, Buffer.alloc(flipped!.size, 0x55));
      await tamper.overwrite(scan.object.storageKey, Buffer.from('not the scan'));
      await tamper.overwrite(shortened!.storageKey, Buffer.alloc(10, 1));
      await tamper.remove(removed!.storageKey);

      const started = ok(await officer.call('POST', '/fixity/runs'), 202).json<FixityRunResponse>();
      const run = await waitForRun(officer, started.id);
      const total = await storedObjectCount(env);
      expect(run).toMatchObject({ status: 'done', objectsChecked: total, passed: total - 4, failed: 3, missing: 1 });
      const bySha = new Map(run.failures.map((f) => [f.sha256, f]));
      expect(bySha.get(flipped!.sha256)).toMatchObject({ outcome: 'fail', computedSha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
      expect(bySha.get(shortened!.sha256)?.detail).toContain('read 10 bytes');
      expect(bySha.get(shortened!.sha256)).toMatchObject({ detailCode: 'mismatch', detailParams: { bytesRead: 10, expectedSize: shortened!.size } });
      expect(bySha.get(removed!.sha256)).toMatchObject({ detailCode: 'notInStorage', detailParams: { storageKey: removed!.storageKey } });
      expect(bySha.get(removed!.sha256)).toMatchObject({ outcome: 'missing', computedSha256: null });
      const track = album.tracks[0]!;
      expect(bySha.get(flipped!.sha256)?.references).toEqual(
        expect.arrayContaining([
          { kind: 'trackAudio', albumId: album.id, albumNumber: album.albumNumber, isrc: track.recording.isrcDisplay, changeRequestId: null },
          { kind: 'audioDeposit', albumId: album.id, albumNumber: album.albumNumber, isrc: track.recording.isrcDisplay, changeRequestId: null },
        ]),
      );
      expect(bySha.get(scan.object.sha256)?.references).toEqual([{ kind: 'changeRequest', albumId: null, albumNumber: null, isrc: null, changeRequestId: scan.id }]);
      const outcomes = await queryRows(env.handle, sql`select sha256, last_fixity_outcome as o from stored_objects where last_fixity_outcome <> 'pass'`);
      expect(new Map(outcomes.map((r) => [r.sha256, r.o]))).toEqual(
        new Map([
          [flipped!.sha256, 'fail'],
          [shortened!.sha256, 'fail'],
          [removed!.sha256, 'missing'],
          [scan.object.sha256, 'fail'],
        ]),
      );
    });

    it('lists runs latest first, for the agency only', async () => {
      const page = ok(await officer.call('GET', '/fixity/runs?pageSize=2')).json<FixityRunPage>();
      expect(page).toMatchObject({ total: 2, page: 1, pageSize: 2 });
      expect(page.items.map((r) => [r.status, r.failed, r.missing])).toEqual([
        ['done', 3, 1],
        ['done', 0, 0],
      ]);
      failed(await company.api.call('GET', '/fixity/runs'), 403, 'FORBIDDEN');
      failed(await company.api.call('POST', '/fixity/runs'), 403, 'FORBIDDEN');
      failed(await company.api.call('GET', `/fixity/runs/${page.items[0]!.id}`), 403, 'FORBIDDEN');
      failed(await officer.call('GET', '/fixity/runs/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    });
  });
}
