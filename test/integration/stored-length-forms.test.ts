import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationResponse } from '../../src/applications/applications.schemas.js';
import type { RegistrantResponse } from '../../src/registrants/registrants.schemas.js';
import { addTrack, completeAlbumFields, completeRecording, createAlbum, failed, memberSession, ok, staffSession, type Client, type MemberSession, type Reply } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { applicationBody } from './applications-fixtures.js';

// Beyond the catalogue (catalog-stored-length.test.ts): every free-text form holds its schema's
// length limit on the text as stored. NFC turns U+1D160 (one code point, within the request's
// maxLength) into three, and U+FB2C likewise; the answer is the one a too-long request gets.
const env = useTestApp();
const NOTE = '\u{1D160}';
const SHIN = '\uFB2C';
let officer: Client;
let member: MemberSession;
let ipSeq = 0;

beforeAll(async () => {
  officer = await staffSession(env);
  member = await memberSession(env, 'company');
});

function postApplication(payload: Record<string, unknown>, lang: string): Promise<Reply> {
  ipSeq++;
  return env.app.inject({ method: 'POST', url: '/api/v1/applications', payload, remoteAddress: `10.30.0.${ipSeq}`, headers: { 'accept-language': lang } });
}

const fieldsOf = (reply: Reply) => failed(reply, 400, 'VALIDATION_FAILED').details?.fields;

describe('text that normalisation lengthens', () => {
  it('is refused in the 登記者代碼申請 form like a too-long field, and no account or application is made', async () => {
    for (const lang of ['zh-TW', 'en']) {
      for (const [field, limit, grows] of [
        ['name', 200, NOTE],
        ['contactPerson', 100, SHIN],
        ['address', 300, NOTE],
      ] as const) {
        const tooLong = fieldsOf(await postApplication(applicationBody({ [field]: 'x'.repeat(limit + 1) }), lang));
        expect(tooLong).toEqual([expect.objectContaining({ field, code: 'maxLength' })]);
        const body = applicationBody({ [field]: grows.repeat(limit) });
        expect(fieldsOf(await postApplication(body, lang)), `${field} ${lang}`).toEqual(tooLong);
        const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: body.loginName, password: body.password } });
        expect(login.statusCode).toBe(401);
      }
    }
    // Within the limit as stored: taken.
    ok(await postApplication(applicationBody({ name: NOTE.repeat(66) }), 'en'), 201);
  });

  it('is refused in the officer forms: an application rejection reason, a registrant edit, a return reason', async () => {
    const filed = ok(await postApplication(applicationBody(), 'en'), 201).json<ApplicationResponse>();
    const reject = (reason: string) => officer.call('POST', `/applications/${filed.id}/reject`, { reason }, 'en');
    const tooLongReason = fieldsOf(await reject('x'.repeat(1001)));
    expect(fieldsOf(await reject(NOTE.repeat(1000)))).toEqual(tooLongReason);
    expect(tooLongReason).toEqual([{ field: 'reason', code: 'maxLength', message: 'At most 1000 characters.' }]);
    expect(ok(await reject('資料不全')).json<ApplicationResponse>().status).toBe('rejected');

    const edit = (body: Record<string, unknown>) => officer.call('PATCH', `/registrants/${member.member.registrantId}`, body, 'zh-TW');
    expect(fieldsOf(await edit({ contactPerson: SHIN.repeat(100) }))).toEqual(fieldsOf(await edit({ contactPerson: 'x'.repeat(101) })));
    expect(ok(await edit({ contactPerson: SHIN.repeat(33) })).json<RegistrantResponse>().contactPerson).toBe(SHIN.repeat(33).normalize('NFC'));

    const album = await createAlbum(member.api, completeAlbumFields('退回理由'));
    const track = await addTrack(member.api, album.id, completeRecording('曲一'), { mode: 'next' });
    ok(await member.api.call('POST', `/albums/${album.id}/submit`));
    const returned = (body: Record<string, unknown>) => officer.call('POST', `/albums/${album.id}/return`, body, 'en');
    expect(fieldsOf(await returned({ reason: NOTE.repeat(2000) }))).toEqual(fieldsOf(await returned({ reason: 'x'.repeat(2001) })));
    const perTrack = fieldsOf(await returned({ reason: '請修正', tracks: [{ trackId: track.id, reason: NOTE.repeat(2000) }] }));
    expect(perTrack).toEqual(fieldsOf(await returned({ reason: '請修正', tracks: [{ trackId: track.id, reason: 'x'.repeat(2001) }] })));
    expect(perTrack).toEqual([{ field: 'tracks.0.reason', code: 'maxLength', message: 'At most 2000 characters.' }]);
    ok(await returned({ reason: '請修正', tracks: [{ trackId: track.id, reason: '曲名有誤' }] }));
  });
});
