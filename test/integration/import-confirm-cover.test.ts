/**
 * 確認匯入 and the cover: the cover's bytes reach storage inside the confirm, before its transaction
 * ends. When the confirm fails after that (here: the database refuses to mark the preview confirmed),
 * everything is rolled back and the stored cover must not stay behind as an orphan object; the
 * staged upload stays, so confirming again works.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreviewResponse } from '../../src/import/import.schemas.js';
import { compact, getAlbum, memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { useTestApp } from '../helpers/setup.js';
import { image } from './covers-fixtures.js';
import { goodAlbum, postPreview, trackRow, workbook } from './import-fixtures.js';

const env = useTestApp();
let s: MemberSession;

beforeAll(async () => {
  s = await memberSession(env, 'company');
});

/** Every file under the storage root (content-addressed objects), recursively. */
function storedFiles(dir = env.filesDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? storedFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

async function count(table: 'albums' | 'stored_objects' | 'album_covers'): Promise<number> {
  const rows = await queryRows(env.handle, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return Number(rows[0]?.n);
}

describe('確認匯入 that fails after the cover was stored', () => {
  it('leaves no stored object behind, and the retry attaches the cover', async () => {
    const code = s.member.codes[0] ?? '';
    // A cover no other test stores: its bytes are new to the storage.
    const cover = await image('png', 320, 240, '#a1b2c3');
    const p = ok(await postPreview(env, s.api, await workbook(goodAlbum, [trackRow(1, compact(code, 1))]), cover), 201).json<ImportPreviewResponse>();
    expect(p.errorCount).toBe(0);
    const before = { files: storedFiles().length, objects: await count('stored_objects'), albums: await count('albums') };

    // The last step of the confirm fails: the database refuses to mark the preview confirmed.
    await env.handle.db.execute(sql.raw(`create function test_refuse_confirm() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`));
    await env.handle.db.execute(
      sql.raw(`create trigger test_refuse_confirm before update on import_previews for each row when (new.confirmed_at is not null) execute function test_refuse_confirm()`),
    );
    try {
      const failed = await s.api.call('POST', `/import/previews/${p.id}/confirm`);
      expect(failed.statusCode).toBe(500);
    } finally {
      await env.handle.db.execute(sql.raw('drop trigger test_refuse_confirm on import_previews'));
      await env.handle.db.execute(sql.raw('drop function test_refuse_confirm()'));
    }
    expect(await count('albums')).toBe(before.albums);
    expect(await count('stored_objects')).toBe(before.objects);
    expect(storedFiles()).toHaveLength(before.files);

    const done = ok(await s.api.call('POST', `/import/previews/${p.id}/confirm`)).json<ImportPreviewResponse>();
    const album = await getAlbum(s.api, done.albumIds?.[0] ?? '');
    expect(album.cover).not.toBeNull();
    expect(await count('stored_objects')).toBe(before.objects + 2);
    expect(storedFiles()).toHaveLength(before.files + 2);
  });
});
