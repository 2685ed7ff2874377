import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAlbum, updateAlbum } from '../../src/catalog/albums.service.js';
import { addTrack, deleteTrack } from '../../src/catalog/tracks.service.js';
import { approveAlbum, returnAlbum } from '../../src/review/review.service.js';
import { submitAlbum } from '../../src/review/submit.service.js';
import { getAnnualReport, getYearStats } from '../../src/stats/stats.service.js';
import { completeAlbumFields, completeRecording } from '../helpers/catalog.js';
import { newRegistrant, newStaff } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';
import { clockAt, movableClock } from './stats-fixtures.js';

// The statistics count an album's ISRCs as the round had them (what was submitted, what was
// approved), not as the album's tracks are now, and only the ISRCs this agency issued: a foreign
// code (境外製作, another agency's) is not this agency's to report to the international agency.

const env = useTestApp(movableClock);
const YEAR = 2026;

describe('statistics per review round', () => {
  it('count what each round submitted, without foreign codes, whatever the draft holds since', async () => {
    clockAt.t = new Date('2026-03-10T02:00:00Z');
    const staff = await newStaff(env.ctx, 'agency_officer');
    const company = await newRegistrant(env.ctx, 'company', { allocatedYear: 2024 });
    const { actor } = company;
    const album = await createAlbum(env.ctx, actor, { releaseType: 'physical' });
    await updateAlbum(env.ctx, actor, album.id, completeAlbumFields(`回合 ${album.albumNumber}`));
    const own = [];
    for (let i = 0; i < 3; i++) {
      own.push(await addTrack(env.ctx, actor, album.id, { isrc: { mode: 'next' }, recording: completeRecording(`第 ${i + 1} 首`) }));
    }
    await addTrack(env.ctx, actor, album.id, { isrc: { mode: 'foreign', isrc: 'GB-AYE-26-12345' }, recording: completeRecording('Abroad', { producedAbroad: true }) });

    // March: reported and returned with 3 own codes and 1 foreign one.
    await submitAlbum(env.ctx, actor, album.id);
    clockAt.t = new Date('2026-03-11T02:00:00Z');
    await returnAlbum(env.ctx, staff.actor, album.id, '請補正資料');

    // The returned draft changes: two tracks go, five come; then April, resubmitted and approved.
    clockAt.t = new Date('2026-04-02T02:00:00Z');
    for (const t of own.slice(0, 2)) {
      await deleteTrack(env.ctx, actor, album.id, t.id);
    }
    for (let i = 0; i < 5; i++) {
      await addTrack(env.ctx, actor, album.id, { isrc: { mode: 'next' }, recording: completeRecording(`新 ${i + 1} 首`) });
    }
    const read = async () => {
      const s = await getYearStats(env.ctx, staff.actor, { year: YEAR, registrantId: company.registrantId });
      const month = (m: number) => s.months.find((x) => x.month === m);
      return { march: month(3), april: month(4), total: s.total };
    };
    // Not resubmitted: March is as it was.
    const before = await read();
    expect(before.march).toMatchObject({ albumsReported: 1, recordingsReported: 3, albumsReturned: 1, recordingsReturned: 3 });
    expect(before.april).toMatchObject({ albumsReported: 0, recordingsReported: 0, albumsApproved: 0, recordingsApproved: 0 });

    await submitAlbum(env.ctx, actor, album.id);
    clockAt.t = new Date('2026-04-03T02:00:00Z');
    await approveAlbum(env.ctx, staff.actor, album.id);
    // The tracks change once more after approval (as a correction may): the approval stays as approved.
    await env.handle.db.execute(sql`delete from album_tracks where album_id = ${album.id} and position = 1`);

    const after = await read();
    expect(after.march).toMatchObject({ albumsReported: 1, recordingsReported: 3, albumsReturned: 1, recordingsReturned: 3 });
    expect(after.april).toMatchObject({ albumsReported: 0, recordingsReported: 0, albumsApproved: 1, recordingsApproved: 6 });
    expect(after.total).toMatchObject({ recordingsReported: 3, recordingsApproved: 6, recordingsReturned: 3 });

    // The annual report to the international agency: the same figures, so no GB code among them.
    const report = await getAnnualReport(env.ctx, staff.actor, { year: YEAR });
    expect(report.isrcsReportedByMonth[2]).toBe(3);
    expect(report.isrcsApprovedByMonth[3]).toBe(6);
  });

  it('counts a round kept before snapshots existed from the tracks as they are, still without foreign codes', async () => {
    clockAt.t = new Date('2026-05-10T02:00:00Z');
    const staff = await newStaff(env.ctx, 'agency_officer');
    const company = await newRegistrant(env.ctx, 'company', { allocatedYear: 2024 });
    const { actor } = company;
    const album = await createAlbum(env.ctx, actor, { releaseType: 'digital' });
    await updateAlbum(env.ctx, actor, album.id, completeAlbumFields(`舊 ${album.albumNumber}`));
    await addTrack(env.ctx, actor, album.id, { isrc: { mode: 'next' }, recording: completeRecording('一') });
    await addTrack(env.ctx, actor, album.id, { isrc: { mode: 'next' }, recording: completeRecording('二') });
    await addTrack(env.ctx, actor, album.id, { isrc: { mode: 'foreign', isrc: 'US-RC1-26-54321' }, recording: completeRecording('Abroad', { producedAbroad: true }) });
    await submitAlbum(env.ctx, actor, album.id);
    // As the migration backfilled rounds of albums submitted before review history was kept.
    await env.handle.db.execute(sql`update album_submissions set snapshot = '{"backfilled": true}'::jsonb where album_id = ${album.id}`);
    const s = await getYearStats(env.ctx, staff.actor, { year: YEAR, registrantId: company.registrantId });
    expect(s.months.find((m) => m.month === 5)).toMatchObject({ albumsReported: 1, recordingsReported: 2 });
  });
});
