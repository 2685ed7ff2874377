import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../src/db/tx.js';
import { writtenOf } from '../../src/import/import-view.js';
import { describe as describeError } from '../../src/import/import.routes.js';
import { RollbackPreview, runImport, type RunOptions } from '../../src/import/import-run.js';
import { checkImport } from '../../src/import/preview-check.js';
import { rowsToDrafts } from '../../src/import/rows-to-drafts.js';
import { toWorkbookData } from '../../src/import/spreadsheet/sheetjs-convert.js';
import { SHEETJS_READ_OPTIONS } from '../../src/import/spreadsheet/sheetjs-options.js';
import type { TemplateRow } from '../../src/import/template/album-rows.js';
import type { TemplateKind } from '../../src/import/template/columns.js';
import { writeTemplate } from '../../src/import/template/write-template.js';
import { addTrack, approvedAlbum, compact, createAlbum, display, memberSession, ok, staffSession, type Client, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

/**
 * The preview's set-based checker (preview-check.ts) against the trial run it replaces (runImport
 * through the catalog services in a rolled-back transaction): for each workbook, the same problems
 * (severity, scope, row, column, field, album key, both languages) and the same forecast tracks.
 */

const env = useTestApp();

type AlbumCells = TemplateRow<'album'>;
type TrackCells = TemplateRow<'tracks'>;

const album = (extra: AlbumCells = {}): AlbumCells => ({
  releaseType: '數位發行',
  title: '比對專輯',
  'credits.performer': '林小安',
  publisher: '山海唱片',
  releaseDate: '2026.01.02',
  productionCompany: '山海製作',
  albumType: '個人專輯',
  ...extra,
});

const track = (n: number, isrc: string, extra: TrackCells = {}): TrackCells => ({
  trackNumber: String(n),
  cited: '否',
  isrc,
  title: `第 ${n} 首`,
  'credits.performer': '林小安',
  productionCompany: '山海製作',
  duration: '3:25',
  ...extra,
});

async function drafts(kind: TemplateKind, albums: AlbumCells[], tracks: TrackCells[]) {
  const xlsx = await writeTemplate({ lang: 'zh-TW', kind, rows: { album: albums, tracks } });
  const converted = toWorkbookData(XLSX.read(xlsx, SHEETJS_READ_OPTIONS), 10_000_000);
  if (!converted.ok) {
    throw new Error('workbook too large');
  }
  return rowsToDrafts(converted.workbook);
}

/** Both answers for one file: the checker's and the rolled-back trial run's. */
async function both(session: MemberSession, kind: TemplateKind, albums: AlbumCells[], tracks: TrackCells[], options: RunOptions = { nextAvailable: false }) {
  const { actor } = session.member;
  if (actor.kind !== 'member') {
    throw new Error('a member is needed');
  }
  const read = await drafts(kind, albums, tracks);
  const checked = await checkImport(env.ctx, actor, read.drafts, read.problems, options, describeError);
  if (checked === undefined) {
    throw new Error('the checker fell back to the trial run');
  }
  const trial = await withTransaction(env.ctx, async (tx) => {
    throw new RollbackPreview(await runImport(tx, actor, read.drafts, read.problems, options, describeError));
  }).catch((err: unknown) => {
    if (err instanceof RollbackPreview) {
      return err.outcome;
    }
    throw err;
  });
  const result = {
    checked: { problems: checked.problems, written: writtenOf(checked.tracks, read.drafts) },
    trial: { problems: trial.problems, written: writtenOf(trial.tracks, read.drafts) },
  };
  expect(result.checked).toEqual(result.trial);
  return result.checked;
}

const messages = (r: { problems: { message: { en: string } }[] }): string => r.problems.map((p) => p.message.en).join('\n');

describe('import preview checker = trial run through the services', () => {
  let co: MemberSession;
  let code: string;
  let staff: Client;
  /** An approved recording of another registrant, to cite. */
  let citable: string;

  beforeAll(async () => {
    co = await memberSession(env, 'company');
    code = co.member.codes[0] ?? '';
    staff = await staffSession(env);
    const other = await memberSession(env, 'company');
    const approved = await approvedAlbum(other, staff, '可引用的專輯', ['原曲']);
    citable = approved.tracks[0]?.recording.isrc ?? '';
  });

  it('a valid one-album file and a valid catalogue: no problems, the typed codes forecast', async () => {
    const s = await memberSession(env, 'company');
    const own = s.member.codes[0] ?? '';
    const one = await both(s, 'album', [album()], [track(1, compact(own, 1)), track(2, compact(own, 2)), track(3, compact(own, 3))]);
    expect(one.problems).toEqual([]);
    expect(one.written.map((w) => w.track.recording.isrc)).toEqual([1, 2, 3].map((d) => compact(own, d)));
    const many = await both(
      s,
      'catalogue',
      [album({ albumKey: 'A1' }), album({ albumKey: 'A2', title: '第二張' }), album({ albumKey: 'A3', title: '第三張' })],
      [track(1, compact(own, 10), { albumKey: 'A1' }), track(2, compact(own, 11), { albumKey: 'A1' }), track(1, compact(own, 12), { albumKey: 'A2' }), track(1, '', { albumKey: 'A3' })],
    );
    expect(many.problems.map((p) => [p.severity, p.row, p.field, p.albumKey])).toEqual([['warning', 5, 'isrc', 'A3']]);
  });

  it('codes taken in the catalog (own album, another registrant), twice in the file, not own, in the future', async () => {
    const s = await memberSession(env, 'company');
    const own = s.member.codes[0] ?? '';
    const existing = await createAlbum(s.api, { title: '既有專輯' });
    await addTrack(s.api, existing.id, { title: '已用' }, { mode: 'own', isrc: compact(own, 5) });
    const other = await memberSession(env, 'company');
    const otherAlbum = await createAlbum(other.api);
    await addTrack(other.api, otherAlbum.id, { title: '國外' }, { mode: 'foreign', isrc: 'USRC17607839' });
    const r = await both(
      s,
      'catalogue',
      [album({ albumKey: 'K1' }), album({ albumKey: 'K2' })],
      [
        track(1, compact(own, 5), { albumKey: 'K1' }),
        track(2, compact(own, 6), { albumKey: 'K1' }),
        track(3, compact(own, 6), { albumKey: 'K1' }),
        track(4, 'USRC17607839', { albumKey: 'K1', producedAbroad: '是' }),
        track(1, compact(own, 6), { albumKey: 'K2' }),
        track(2, compact(other.member.codes[0] ?? '', 1), { albumKey: 'K2' }),
        track(3, `TW${own}2700001`, { albumKey: 'K2' }),
        track(4, compact(code, 1), { albumKey: 'K2' }),
      ],
    );
    const text = messages(r);
    expect(text).toContain('既有專輯');
    expect(text).toContain('by another registrant');
    expect(text).toContain('repeats row 3');
    expect(text).toMatch(/not .*own|registrant code/i);
    expect(r.problems.filter((p) => p.severity === 'error').length).toBeGreaterThanOrEqual(6);
  });

  it('years before the code: refused, and accepted on a 回溯編碼 album; a jump is a warning, and the next code follows it', async () => {
    const s = await memberSession(env, 'company');
    const own = s.member.codes[0] ?? '';
    const r = await both(
      s,
      'catalogue',
      [album({ albumKey: 'R', retroactive: '是' }), album({ albumKey: 'N' })],
      [
        track(1, `TW${own}2000001`, { albumKey: 'R' }),
        track(2, `TW${own}2000500`, { albumKey: 'R' }),
        track(3, `TW${own}2000501`, { albumKey: 'R' }),
        track(1, `TW${own}2100001`, { albumKey: 'N' }),
        track(2, compact(own, 300), { albumKey: 'N' }),
        track(3, compact(own, 301), { albumKey: 'N' }),
      ],
    );
    expect(r.problems.map((p) => [p.severity, p.row, p.field])).toEqual([
      ['warning', 3, 'isrc-jump'],
      ['error', 5, 'isrc'],
      ['warning', 6, 'isrc-jump'],
    ]);
  });

  it('foreign codes, citing (found, not found, twice on an album, on two albums) and next available with reserved codes', async () => {
    const s = await memberSession(env, 'company');
    const own = s.member.codes[0] ?? '';
    ok(await s.api.call('POST', '/allocations', { count: 2 }), 201);
    const existing = await createAlbum(s.api);
    const removed = await addTrack(s.api, existing.id, { title: '刪除' }, { mode: 'own', isrc: compact(own, 4) });
    ok(await s.api.call('DELETE', `/albums/${existing.id}/tracks/${removed.id}`), 204);
    const r = await both(
      s,
      'catalogue',
      [album({ albumKey: 'F' }), album({ albumKey: 'C' })],
      [
        track(1, 'GBAYE0601498', { albumKey: 'F', producedAbroad: '是' }),
        track(2, compact(own, 90), { albumKey: 'F', producedAbroad: '是' }),
        track(3, '', { albumKey: 'F' }),
        track(4, compact(own, 3), { albumKey: 'F' }),
        track(5, compact(own, 4), { albumKey: 'F' }),
        track(6, '', { albumKey: 'F' }),
        track(7, compact(own, 1), { albumKey: 'F' }),
        track(1, citable, { albumKey: 'C', cited: '是' }),
        track(2, citable, { albumKey: 'C', cited: '是' }),
        track(3, 'TWZZZ2600001', { albumKey: 'C', cited: '是' }),
        track(1, citable, { albumKey: 'F', cited: '是', trackNumber: '8' }),
      ],
      { nextAvailable: true },
    );
    const text = messages(r);
    expect(text).toContain('already on this album');
    expect(text).toContain('No approved recording');
    expect(text).toContain('uses this country prefix');
    expect(text).toContain('row 4 of this file');
    expect(r.written.length).toBeGreaterThanOrEqual(7);
  });

  it('an individual: empty codes wait for submission, a typed own code is refused, a foreign one is kept', async () => {
    const person = await memberSession(env, 'individual');
    const r = await both(person, 'album', [album()], [track(1, ''), track(2, compact(code, 70)), track(3, 'USRC17607840', { producedAbroad: '是' })], { nextAvailable: true });
    expect(r.problems.map((p) => [p.severity, p.row])).toEqual([['error', 3]]);
    expect(r.written.map((w) => w.track.recording.isrc)).toEqual([null, 'USRC17607840']);
  });

  it('incomplete albums and tracks, bad field values, a version naming its own code', async () => {
    const s = await memberSession(env, 'company');
    const own = s.member.codes[0] ?? '';
    const r = await both(
      s,
      'catalogue',
      [album({ albumKey: 'I', title: '', publisher: '', albumType: '' }), album({ albumKey: 'B', releaseDate: '1800.01.01' }), album({ albumKey: 'E' })],
      [
        track(1, compact(own, 1), { albumKey: 'I', title: '', 'credits.performer': '' }),
        track(2, compact(own, 2), { albumKey: 'I', versionType: '現場版' }),
        track(3, compact(own, 3), { albumKey: 'I', versionType: '現場版', versionOfIsrc: compact(own, 3) }),
        track(1, compact(own, 4), { albumKey: 'B', recordingDate: '2099.01' }),
        track(2, compact(own, 5), { albumKey: 'B', productionCompany: '' }),
        track(1, '', { albumKey: 'E' }),
      ],
    );
    const fields = new Set(r.problems.map((p) => p.field));
    for (const field of ['title', 'publisher', 'credits', 'versionOfIsrc', 'releaseDate', 'recordingDate', 'productionCompany']) {
      expect(fields).toContain(field);
    }
  });

  it('leaves a registrant whose profile cannot be read (NOT_FOUND, ACCOUNT_SUSPENDED) to the trial run', async () => {
    const { actor } = co.member;
    if (actor.kind !== 'member') {
      throw new Error('a member is needed');
    }
    const read = await drafts('album', [album()], [track(1, '')]);
    const gone = { ...actor, registrantId: '00000000-0000-4000-8000-000000000000' };
    expect(await checkImport(env.ctx, gone, read.drafts, read.problems, { nextAvailable: false }, describeError)).toBeUndefined();
  });

  it('next available on, empty cells and typed codes mixed in a one-album file', async () => {
    const s = await memberSession(env, 'company');
    const own = s.member.codes[0] ?? '';
    const r = await both(s, 'album', [album()], [track(1, ''), track(2, compact(own, 1)), track(3, ''), track(4, compact(own, 3)), track(5, '')], { nextAvailable: true });
    // Row 3 types the code row 2 was given; the typed 3 raises the counter, so row 6 gets 4.
    expect(r.written.map((w) => w.track.recording.isrc)).toEqual([1, 2, 3, 4].map((d) => compact(own, d)));
    expect(r.problems.map((p) => [p.row, p.field, p.message.en])).toEqual([[3, 'isrc', `ISRC ${display(own, 1)} is already used by row 2 of this file; every track needs its own ISRC.`]]);

    // A typed code removed from its draft stays taken: "next available" steps over it (the slow path).
    const t = await memberSession(env, 'company');
    const tOwn = t.member.codes[0] ?? '';
    const draft = await createAlbum(t.api);
    const typed = await addTrack(t.api, draft.id, { title: '刪除' }, { mode: 'own', isrc: compact(tOwn, 1) });
    ok(await t.api.call('DELETE', `/albums/${draft.id}/tracks/${typed.id}`), 204);
    const slow = await both(t, 'album', [album()], [track(1, ''), track(2, ''), track(3, compact(tOwn, 1))], { nextAvailable: true });
    expect(slow.written.map((w) => w.track.recording.isrc)).toEqual([2, 3, 1].map((d) => compact(tOwn, d)));
  });
});
