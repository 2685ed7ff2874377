import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FixityRunDetail, FixityRunResponse } from '../../src/fixity/fixity.schemas.js';
import { STALE_RUN_MS } from '../../src/fixity/fixity.service.js';
import { createFsStorage } from '../../src/storage/fs-storage.js';
import type { FileStorage } from '../../src/storage/storage.js';
import { failed, ok } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { realClock } from '../helpers/setup.js';
import { storedFilePath, useStorageTestApp } from './audio-deposit-fixtures.js';
import { staffClient } from './deposit-fixtures.js';
import { fixityCases, waitForRun } from './fixity-cases.js';

// 保存檢核 on the filesystem storage: files are overwritten and removed under the files directory
// itself. Reads can be held at a gate, so a run is caught while it goes on.

class Gate {
  private waiting: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;
  close(): void {
    this.waiting = new Promise((resolve) => (this.release = resolve));
  }
  open(): void {
    this.release();
  }
  pass(): Promise<void> {
    return this.waiting;
  }
}

const gate = new Gate();

function gated(storage: FileStorage): FileStorage {
  return { ...storage, get: async (key, range) => (await gate.pass(), storage.get(key, range)) };
}

const env = useStorageTestApp({ clock: realClock, makeStorage: (dir) => Promise.resolve(gated(createFsStorage(dir))) });

fixityCases(env, {
  overwrite: (key, bytes) => Promise.resolve(fs.writeFileSync(storedFilePath(env, key), bytes)),
  remove: (key) => Promise.resolve(fs.rmSync(storedFilePath(env, key))),
});

describe('one run at a time', () => {
  it('shows progress while a run goes on and refuses a second start with 409', async () => {
    const officer = await staffClient(env, 'agency_admin');
    gate.close();
    try {
      const run = ok(await officer.call('POST', '/fixity/runs'), 202).json<FixityRunResponse>();
      expect(run).toMatchObject({ status: 'running', objectsChecked: 0, progress: 0 });
      const second = failed(await officer.call('POST', '/fixity/runs'), 409, 'FIXITY_RUN_RUNNING');
      expect(second.message).toBe('保存檢核正在進行中，請等候這次檢核完成後再開始。');
      expect(second.details).toMatchObject({ runId: run.id });
      const during = ok(await officer.call('GET', `/fixity/runs/${run.id}`)).json<FixityRunDetail>();
      expect(during).toMatchObject({ status: 'running', finishedAt: null });
      expect(during.objectsChecked).toBeLessThan(during.objectsTotal);
    } finally {
      gate.open();
    }
    const runs = await queryRows(env.handle, sql`select id from fixity_runs where status = 'running'`);
    expect(await waitForRun(officer, String(runs[0]?.id))).toMatchObject({ status: 'done', progress: 1 });
  });

  it('closes a run left running by a process that stopped, but not one that is recent', async () => {
    const officer = await staffClient(env, 'agency_officer');
    const recent = await queryRows(env.handle, sql`insert into fixity_runs (status, started_at) values ('running', now()) returning id`);
    failed(await officer.call('POST', '/fixity/runs'), 409, 'FIXITY_RUN_RUNNING');
    const old = new Date(Date.now() - STALE_RUN_MS - 60_000);
    await queryRows(env.handle, sql`update fixity_runs set started_at = ${old.toISOString()}::timestamptz where id = ${recent[0]?.id}`);
    const run = ok(await officer.call('POST', '/fixity/runs'), 202).json<FixityRunResponse>();
    const left = await queryRows(env.handle, sql`select status, error from fixity_runs where id = ${recent[0]?.id}`);
    expect(left[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') as unknown });
    expect(await waitForRun(officer, run.id)).toMatchObject({ status: 'done' });
  });
});
