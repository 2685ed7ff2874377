import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse, TrackResponse } from '../../src/catalog/catalog.schemas.js';
import { addTrack, addTrackReq, createAlbum, failed, getAlbum, memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// Release and recording dates name a year from 1877 (the first sound recording) to the agency's
// year + 5; 2099.01.01 is a typo, refused naming the field. Clock: 2026-06-15 in Taipei, so 2031.

const env = useTestApp();

interface FieldErrorJson {
  field: string;
  code: string;
  message: string;
}

const fieldsOf = (error: { details?: Record<string, unknown> }) => error.details?.fields as FieldErrorJson[];

describe('發行日期 (release date)', () => {
  let co: MemberSession;
  let album: AlbumResponse;

  beforeAll(async () => {
    co = await memberSession(env);
    album = await createAlbum(co.api, { title: '日期', releaseDate: '2026.05.01' });
  });

  const patch = (releaseDate: string, lang?: string) => co.api.call('PATCH', `/albums/${album.id}`, { releaseDate }, lang);

  it('refuses 2099.01.01 naming the field, in both languages, and keeps the saved date', async () => {
    const zh = failed(await patch('2099.01.01'), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(zh)).toEqual([{ field: 'releaseDate', code: 'dateTooLate', message: '日期不可晚於 2031 年（最多為今年之後 5 年），請確認年份。' }]);
    const en = failed(await patch('2099.01.01', 'en'), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(en)).toEqual([{ field: 'releaseDate', code: 'dateTooLate', message: 'The date may not be after 2031 (at most 5 years after this year); please check the year.' }]);
    expect((await getAlbum(co.api, album.id)).releaseDate).toBe('2026-05-01');
  });

  it('accepts up to the end of 2031 (agency year + 5), refuses 2032', async () => {
    expect(ok(await patch('2031.12.31')).json<AlbumResponse>().releaseDate).toBe('2031-12-31');
    expect(ok(await patch('2028')).json<AlbumResponse>().releaseDate).toBe('2028'); // after next year: accepted (the form warns)
    expect(fieldsOf(failed(await patch('2032.01.01'), 400, 'VALIDATION_FAILED'))).toEqual([expect.objectContaining({ field: 'releaseDate', code: 'dateTooLate' })]);
    expect(fieldsOf(failed(await patch('2032'), 400, 'VALIDATION_FAILED'))).toEqual([expect.objectContaining({ field: 'releaseDate', code: 'dateTooLate' })]);
  });

  it('refuses a date before 1877, the first sound recording', async () => {
    const zh = failed(await patch('1876.12.31'), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(zh)).toEqual([{ field: 'releaseDate', code: 'dateTooEarly', message: '日期不可早於 1877 年（最早的錄音）。' }]);
    const en = failed(await patch('1850', 'en'), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(en)[0]?.message).toBe('The date may not be before 1877 (the first sound recording).');
    expect(ok(await patch('1877')).json<AlbumResponse>().releaseDate).toBe('1877');
  });

  it('still says what is wrong with the form of a date', async () => {
    expect(fieldsOf(failed(await patch('2099.02.30'), 400, 'VALIDATION_FAILED'))).toEqual([expect.objectContaining({ field: 'releaseDate', code: 'date' })]);
  });
});

describe('錄製日期 (recording date)', () => {
  it('has the same years: refused after 2031 and before 1877, on new and saved tracks', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api, { title: '錄製日期' });
    const late = failed(await addTrackReq(api, album.id, { title: '未來', recordingDate: '2099' }), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(late)).toEqual([{ field: 'recordingDate', code: 'dateTooLate', message: '日期不可晚於 2031 年（最多為今年之後 5 年），請確認年份。' }]);
    expect((await getAlbum(api, album.id)).tracks).toEqual([]);
    const track = await addTrack(api, album.id, { title: '曲', recordingDate: '2031.12' });
    expect(track.recording.recordingDate).toBe('2031-12');
    const path = `/albums/${album.id}/tracks/${track.id}`;
    const early = failed(await api.call('PATCH', path, { recordingDate: '1876' }, 'en'), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(early)).toEqual([{ field: 'recordingDate', code: 'dateTooEarly', message: 'The date may not be before 1877 (the first sound recording).' }]);
    failed(await api.call('PATCH', path, { recordingDate: '2032.01' }), 400, 'VALIDATION_FAILED');
    expect(ok(await api.call('PATCH', path, { recordingDate: '1877.01' })).json<TrackResponse>().recording.recordingDate).toBe('1877-01');
  });
});

describe('the OpenAPI document', () => {
  it('states the bounds on both date fields', async () => {
    const doc = ok(await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).body;
    const bound = "Years 1877 (the first sound recording) to the agency's current year + 5";
    expect(doc).toContain(`發行日期: YYYY, YYYY.MM or YYYY.MM.DD (e.g. 2026.03.09; 2026-03-09 and 2026年3月9日 too). ${bound}`);
    expect(doc).toContain(`錄製日期: YYYY or YYYY.MM (e.g. 2025.09). ${bound}`);
  });
});
