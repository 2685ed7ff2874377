import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import { addTrack, createAlbum, failed, memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

const env = useTestApp();
let co: MemberSession;

beforeAll(async () => {
  co = await memberSession(env, 'company');
});

describe('credit names', () => {
  it('are one name each: 、 ; ； and line breaks (which separate names in the .xlsx template) are refused, on albums and tracks', async () => {
    const album = await createAlbum(co.api);
    for (const [name, index] of [
      ['甲、乙', 0],
      ['Earth; Wind', 1],
      ['甲；乙', 0],
      ['N\nM', 0],
    ] as const) {
      const names = index === 0 ? [name] : ['林小安', name];
      const error = failed(await co.api.call('PATCH', `/albums/${album.id}`, { credits: [{ role: 'performer', names }] }, 'zh-TW'), 400, 'VALIDATION_FAILED');
      expect(error.details?.fields, JSON.stringify(name)).toEqual([
        { field: `credits.0.names.${index}`, code: 'oneCreditName', message: '一格只填一位的名字：「、」「;」「；」與換行用來分隔多位，請按「新增」分開填寫。' },
      ]);
    }
    const track = await addTrack(co.api, album.id, { title: '曲' }, { mode: 'none' });
    const onTrack = failed(
      await co.api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, { credits: [{ role: 'composer', names: ['王大明、陳小美'] }] }, 'en'),
      400,
      'VALIDATION_FAILED',
    );
    expect(onTrack.details?.fields).toEqual([
      { field: 'credits.0.names.0', code: 'oneCreditName', message: 'One name per box: 、 ; ； and line breaks separate names. Add each name on its own.' },
    ]);
    // Commas and other punctuation are part of names; each name of several is its own entry.
    ok(await co.api.call('PATCH', `/albums/${album.id}`, { credits: [{ role: 'performer', names: ['Earth, Wind & Fire', '旁白／說書人', '甲', '乙'] }] }));
    const stored = ok(await co.api.call('GET', `/albums/${album.id}`)).json<AlbumResponse>();
    expect(stored.credits).toEqual([{ role: 'performer', names: ['Earth, Wind & Fire', '旁白／說書人', '甲', '乙'] }]);
  });
});
