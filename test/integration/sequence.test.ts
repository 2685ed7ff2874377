import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickDesignations } from '../../src/isrc/sequence.js';
import { addTrack, addTrackReq, compact, counterValue, createAlbum, designationOf, display, failed, memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { useTestApp } from '../helpers/setup.js';

/**
 * Issue 12, item 1: the sequence survives a typo. "Next available" continues after the highest
 * code in use, past 99999 takes the lowest never-used code, a far jump needs confirming, and a
 * typed code removed from its draft stays reserved without moving "next".
 */

const env = useTestApp();

interface ErrorJson {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

async function nextDisplay(session: MemberSession): Promise<string> {
  return ok(await session.api.call('GET', '/allocations/next')).json<{ display: string }>().display;
}

describe('a typo does not cost the rest of the year', () => {
  it('typed 99999, saved, removed: next available goes on from the codes in use and saving works', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    const album = await createAlbum(co.api);
    for (const title of ['一', '二', '三', '四']) {
      await addTrack(co.api, album.id, { title }, { mode: 'next' });
    }
    // Without confirmation the jump is refused, saying how far it goes.
    const unconfirmed = await addTrackReq(co.api, album.id, { title: '打錯' }, { mode: 'own', isrc: `TW-${code}-26-99999` });
    expect(unconfirmed.statusCode).toBe(409);
    const error = unconfirmed.json<ErrorJson>().error;
    expect(error.code).toBe('ISRC_JUMP_UNCONFIRMED');
    expect(error.message).toContain('此編號將跳過 99,994 個未使用的資料代碼');
    expect(error.details).toMatchObject({ skipped: 99_994, next: display(code, 5), isrc: display(code, 99_999) });
    const typo = await addTrack(co.api, album.id, { title: '打錯' }, { mode: 'own', isrc: `TW-${code}-26-99999`, confirmJump: true });
    expect(await nextDisplay(co)).toBe(display(code, 5)); // the code is wrong but in use: next wraps to the lowest never-used
    expect((await co.api.call('DELETE', `/albums/${album.id}/tracks/${typo.id}`)).statusCode).toBe(204);
    expect(await nextDisplay(co)).toBe(display(code, 5));
    const fresh = await addTrack(co.api, album.id, { title: '新的' }, { mode: 'next' });
    expect(fresh.recording.isrcDisplay).toBe(display(code, 5));
    expect(await counterValue(env, code)).toBe(5);
    // The removed code stays reserved to the company and can be attached again (confirming the jump).
    const again = await addTrack(co.api, album.id, { title: '母帶上的碼' }, { mode: 'own', isrc: compact(code, 99_999), confirmJump: true });
    expect(again.recording.isrc).toBe(compact(code, 99_999));
  });

  it('a small jump (≤ 100) needs no confirmation and moves next past it', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    const album = await createAlbum(co.api);
    for (const title of ['一', '二', '三']) {
      await addTrack(co.api, album.id, { title }, { mode: 'next' });
    }
    const typed = await addTrack(co.api, album.id, { title: '自編' }, { mode: 'own', isrc: compact(code, 50) });
    expect(typed.recording.isrc).toBe(compact(code, 50));
    expect(await nextDisplay(co)).toBe(display(code, 51));
    // 104 is 53 past next (51): fine; 205 is 100 past 105: fine; 307 is 101 past 206: needs confirming.
    await addTrack(co.api, album.id, { title: 'a' }, { mode: 'own', isrc: compact(code, 104) });
    await addTrack(co.api, album.id, { title: 'b' }, { mode: 'own', isrc: compact(code, 205) });
    failed(await addTrackReq(co.api, album.id, { title: 'c' }, { mode: 'own', isrc: compact(code, 307) }), 409, 'ISRC_JUMP_UNCONFIRMED');
  });

  it('a typed code removed from a draft does not move next; next skips it when it gets there', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    const album = await createAlbum(co.api);
    await addTrack(co.api, album.id, { title: '一' }, { mode: 'next' });
    // Produced abroad, so its code can be replaced by the foreign recording's own.
    const typed = await addTrack(co.api, album.id, { title: '三', producedAbroad: true }, { mode: 'own', isrc: compact(code, 3) });
    expect(await nextDisplay(co)).toBe(display(code, 4));
    // Replaced by a foreign code: the typed code leaves use.
    ok(await co.api.call('PUT', `/albums/${album.id}/tracks/${typed.id}/isrc`, { isrc: { mode: 'foreign', isrc: 'GBAYE2600077' } }));
    expect(await nextDisplay(co)).toBe(display(code, 2));
    const two = await addTrack(co.api, album.id, { title: '二' }, { mode: 'next' });
    const four = await addTrack(co.api, album.id, { title: '四' }, { mode: 'next' });
    expect([two.recording.isrcDisplay, four.recording.isrcDisplay]).toEqual([display(code, 2), display(code, 4)]);
  });

  it('a direct allocation whose next codes meet a reserved one takes nothing in its fast statement, only what the rule picks', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    const album = await createAlbum(co.api);
    await addTrack(co.api, album.id, { title: '一' }, { mode: 'next' });
    // Produced abroad, so its code can be replaced by the foreign recording's own.
    const typed = await addTrack(co.api, album.id, { title: '三', producedAbroad: true }, { mode: 'own', isrc: compact(code, 3) });
    ok(await co.api.call('PUT', `/albums/${album.id}/tracks/${typed.id}/isrc`, { isrc: { mode: 'foreign', isrc: 'GBAYE2600078' } }));
    const audits = async () =>
      Number((await queryRows(env.handle, sql`select count(*)::int as n from audit_log where action = 'isrc.allocate' and entity_id = ${co.member.registrantId}`))[0]?.n);
    const before = await audits();
    // 2 and 3 are asked for, 3 is reserved: the one-statement path must leave no trace, the rule gives 2 and 4.
    const res = ok(await co.api.call('POST', '/allocations', { count: 2 }), 201).json<{ isrcs: { isrc: string }[] }>();
    expect(res.isrcs.map((i) => designationOf(i.isrc))).toEqual([2, 4]);
    expect(await counterValue(env, code)).toBe(4);
    const ledger = await queryRows(env.handle, sql`select designation from isrc_assignments where registrant_code = ${code} and year_of_reference = 26 order by designation`);
    expect(ledger.map((r) => Number(r.designation))).toEqual([1, 2, 3, 4]);
    expect((await audits()) - before).toBe(1);
  });

  it('the database function alone is all or nothing: over a taken code it restores the counter and writes nothing', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    await queryRows(
      env.handle,
      sql`insert into isrc_assignments (isrc, country_code, registrant_code, year_of_reference, designation, registrant_id, source, in_use)
          values ('TW' || ${code}::text || '2600002', 'TW', ${code}::text, 26, 2, ${co.member.registrantId}::uuid, 'manual', false)`,
    );
    const call = async (count: number) =>
      (
        await queryRows(
          env.handle,
          sql`select last_designation, written from isrc_allocate_range('TW', ${code}::text, 26::smallint, ${count}::int, ${co.member.registrantId}::uuid, null, null, '', '{}'::jsonb)`,
        )
      )[0];
    expect(await call(1)).toMatchObject({ last_designation: 1 });
    const refused = await call(3);
    expect(refused?.last_designation).toBe(1);
    expect(refused?.written).toEqual([]);
    expect(await counterValue(env, code)).toBe(1);
    const ledger = await queryRows(env.handle, sql`select designation from isrc_assignments where registrant_code = ${code} order by designation`);
    expect(ledger.map((r) => Number(r.designation))).toEqual([1, 2]);
  });

  it('is exhausted only when every code of the year is taken, and says how many are left', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    // A nearly full year: everything up to 99990 taken except 00500 and 07000.
    await queryRows(
      env.handle,
      sql`insert into isrc_assignments (isrc, country_code, registrant_code, year_of_reference, designation, registrant_id, source)
          select 'TW' || ${code}::text || '26' || lpad(d::text, 5, '0'), 'TW', ${code}::text, 26, d, ${co.member.registrantId}::uuid, 'system'
          from generate_series(1, 99990) d where d not in (500, 7000)`,
    );
    await queryRows(env.handle, sql`insert into designation_counters (country_code, registrant_code, year_of_reference, last_designation) values ('TW', ${code}, 26, 99990)`);
    const take = async (count: number) => co.api.call('POST', '/allocations', { count });
    const designations = async (count: number) =>
      ok(await take(count), 201)
        .json<{ isrcs: { isrc: string }[] }>()
        .isrcs.map((i) => designationOf(i.isrc));
    expect(await designations(5)).toEqual([99_991, 99_992, 99_993, 99_994, 99_995]);
    expect(await designations(5)).toEqual([99_996, 99_997, 99_998, 99_999, 500]);
    const tooMany = await take(2);
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json<ErrorJson>().error).toMatchObject({ code: 'DESIGNATION_EXHAUSTED', details: { available: 1 } });
    expect(await designations(1)).toEqual([7000]);
    const none = await take(1);
    expect(none.json<ErrorJson>().error.message).toContain('已用盡');
  });
});

/** The reference model: the pure rule over an in-memory ledger. */
class Model {
  readonly ledger = new Map<number, { system: boolean; inUse: boolean }>();

  private state() {
    let lastInUse = 0;
    for (const [d, row] of this.ledger) {
      if (row.inUse && d > lastInUse) {
        lastInUse = d;
      }
    }
    return { lastInUse, isTaken: (d: number) => this.ledger.has(d), takenCount: this.ledger.size };
  }

  next(count: number): number[] | 'exhausted' {
    const picked = pickDesignations(this.state(), count);
    if (!picked.ok) {
      return 'exhausted';
    }
    for (const d of picked.value) {
      this.ledger.set(d, { system: true, inUse: true });
    }
    return picked.value;
  }
}

type Op = { kind: 'next'; count: number } | { kind: 'type'; designation: number } | { kind: 'remove' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('next' as const), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('type' as const), designation: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 99_990, max: 99_999 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const) }) },
);

describe('random sequences of typed, next, removed and submitted codes (database against the model)', () => {
  it('never a duplicate, never a false "exhausted", next is always a never-used code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 10 }), async (ops) => {
        const co = await memberSession(env);
        const code = co.member.codes[0]!;
        const album = await createAlbum(co.api);
        const model = new Model();
        const typedTracks: { trackId: string; designation: number }[] = [];
        const seen = new Set<number>();
        for (const op of ops) {
          if (op.kind === 'next') {
            const expected = model.next(op.count);
            const res = await co.api.call('POST', '/allocations', { count: op.count });
            expect(res.statusCode).toBe(expected === 'exhausted' ? 409 : 201);
            if (expected !== 'exhausted') {
              const got = res.json<{ isrcs: { isrc: string }[] }>().isrcs.map((i) => designationOf(i.isrc));
              expect(got).toEqual(expected);
              for (const d of got) {
                expect(seen.has(d)).toBe(false);
                seen.add(d);
              }
            }
          } else if (op.kind === 'type') {
            const res = await addTrackReq(co.api, album.id, { title: 't' }, { mode: 'own', isrc: compact(code, op.designation), confirmJump: true });
            const row = model.ledger.get(op.designation);
            if (typedTracks.some((t) => t.designation === op.designation)) {
              expect(res.json<ErrorJson>().error.code).toBe('ISRC_TAKEN'); // on a recording already
            } else {
              // New, or the company's own code not on a recording (reserved, or removed from a draft).
              expect(res.statusCode).toBe(201);
              model.ledger.set(op.designation, { system: row?.system ?? false, inUse: true });
              typedTracks.push({ trackId: res.json<{ id: string }>().id, designation: op.designation });
              seen.add(op.designation);
            }
          } else {
            const typed = typedTracks.pop();
            if (typed !== undefined) {
              expect((await co.api.call('DELETE', `/albums/${album.id}/tracks/${typed.trackId}`)).statusCode).toBe(204);
              const row = model.ledger.get(typed.designation);
              // Codes the system handed out stay in use; a typed one stays reserved but leaves use.
              model.ledger.set(typed.designation, { system: row?.system ?? false, inUse: row?.system ?? false });
            }
          }
        }
        const rows = await queryRows(env.handle, sql`select designation, in_use from isrc_assignments where registrant_code = ${code} and year_of_reference = 26 order by designation`);
        expect(rows.map((r) => [Number(r.designation), r.in_use])).toEqual([...model.ledger.entries()].sort((a, b) => a[0] - b[0]).map(([d, r]) => [d, r.inUse]));
      }),
      { numRuns: 12 },
    );
  });
});
