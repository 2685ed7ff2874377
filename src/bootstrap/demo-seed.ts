import { actorFor, type Actor } from '../accounts/actor.js';
import { createUser } from '../accounts/users.service.js';
import { createAlbum, updateAlbum } from '../catalog/albums.service.js';
import type { AlbumFields, AlbumResponse, IsrcChoice, RecordingFields, TrackResponse } from '../catalog/catalog.schemas.js';
import { addTrack, citeTrack } from '../catalog/tracks.service.js';
import { addPoolCode, addRegistrantCode, listPoolCodes } from '../registrants/registrant-codes.service.js';
import { countRealRegistrants, createRegistrant, hasDemoRegistrants } from '../registrants/registrants.service.js';
import { approveAlbum, returnAlbum } from '../review/review.service.js';
import { submitAlbum } from '../review/submit.service.js';
import { currentYear, type ServiceContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { isAppError } from '../shared/errors.js';

/** Demo logins are public knowledge: only for trying the system, never on production data. */
export const DEMO_USERS = {
  company: { loginName: 'demo-company', password: 'starlight-demo-2026' },
  individual: { loginName: 'demo-individual', password: 'lin-xiaohua-demo-2026' },
  officer: { loginName: 'demo-officer', password: 'review-desk-demo-2026' },
} as const;

/** Marks every demo registrant, album and recording, so nobody mistakes it for real data. */
export const DEMO_MARK = '【示範】';

/** `--demo` on a database that holds real registrants: public demo logins must never sit beside real data. */
export class DemoRefusedError extends Error {
  constructor(readonly realRegistrants: number) {
    super(
      `demo mode refused: this database already holds ${realRegistrants} real (non-demo) registrant${realRegistrants === 1 ? '' : 's'}, ` +
        'and demo logins with public passwords must not sit beside real data. Start without --demo (and DEMO unset), ' +
        'or use an empty DATA_DIR or database for the demo. (Demo data seeded earlier stays usable without --demo.)',
    );
    this.name = 'DemoRefusedError';
  }
}

/** The ISRC of a seeded track: the next of the company's own code, or none (an individual's comes from the pool on 送出審核). */
type IsrcOf = (index: number) => IsrcChoice;

interface DemoTrack {
  title: string;
  duration: string;
  extra?: RecordingFields;
}

function credits(performer: string, lyricist: string, composer: string): NonNullable<AlbumFields['credits']> {
  return [
    { role: 'performer', names: [performer] },
    { role: 'lyricist', names: [lyricist] },
    { role: 'composer', names: [composer] },
  ];
}

async function albumWithTracks(
  ctx: ServiceContext,
  actor: Actor,
  releaseType: 'digital' | 'physical',
  fields: AlbumFields,
  tracks: readonly DemoTrack[],
  isrcOf: IsrcOf,
): Promise<{ album: AlbumResponse; tracks: TrackResponse[] }> {
  const album = await createAlbum(ctx, actor, { releaseType });
  const updated = await updateAlbum(ctx, actor, album.id, fields);
  const added: TrackResponse[] = [];
  for (const [index, track] of tracks.entries()) {
    const recording: RecordingFields = {
      title: track.title,
      credits: fields.credits ?? [],
      productionCompany: fields.productionCompany ?? '',
      duration: track.duration,
      ...track.extra,
    };
    added.push(await addTrack(ctx, actor, album.id, { isrc: isrcOf(index), recording }));
  }
  return { album: updated, tracks: added };
}

/**
 * A small catalogue for each demo registrant, through the real services (so every ISRC, status and
 * audit row is what a registrant would get): an approved album whose recordings can be cited, one
 * under review, one returned with the officer's reason, and a draft.
 */
async function seedCatalogue(ctx: ServiceContext, company: Actor, individual: Actor, officer: Actor): Promise<void> {
  const year = currentYear(ctx);
  const next: IsrcOf = () => ({ mode: 'next' });
  const fromPool: IsrcOf = () => ({ mode: 'none' });
  const label = `${DEMO_MARK}星光唱片股份有限公司`;
  const common = { publisher: label, productionCompany: '星光錄音室', workCategory: 'sound-recording' as const, publicationCategory: 'popular' as const };

  // 星光唱片: approved (cite these), under review, returned, and a draft that cites an approved recording.
  const approved = await albumWithTracks(
    ctx,
    company,
    'digital',
    {
      ...common,
      title: `${DEMO_MARK}城市微光`,
      credits: credits('夏語晴', '林子安', '陳柏宇'),
      releaseDate: `${year}.03.20`,
      albumType: 'solo',
      mediaForm: 'digital',
      introduction: `${DEMO_MARK}示範用專輯，已通過審核：在其他專輯的「曲目新增」選「引用」，輸入「城市微光」即可引用這些曲目。`,
    },
    [
      { title: `${DEMO_MARK}城市微光`, duration: '3:52' },
      { title: `${DEMO_MARK}凌晨三點的街`, duration: '4:18' },
      { title: `${DEMO_MARK}回家的路`, duration: '3:36' },
    ],
    next,
  );
  await submitAlbum(ctx, company, approved.album.id);
  await approveAlbum(ctx, officer, approved.album.id);

  const submitted = await albumWithTracks(
    ctx,
    company,
    'digital',
    {
      ...common,
      title: `${DEMO_MARK}海風與港口`,
      credits: credits('夏語晴', '林子安', '陳柏宇'),
      releaseDate: `${year}.09.01`,
      albumType: 'ep',
      mediaForm: 'digital',
    },
    [
      { title: `${DEMO_MARK}海風`, duration: '3:41' },
      { title: `${DEMO_MARK}港口的燈`, duration: '4:05' },
    ],
    next,
  );
  await submitAlbum(ctx, company, submitted.album.id);

  const returned = await albumWithTracks(
    ctx,
    company,
    'physical',
    {
      ...common,
      title: `${DEMO_MARK}午夜電台`,
      credits: credits('午夜電台樂團', '周以寧', '周以寧'),
      releaseDate: `${year}.06.15`,
      albumType: 'solo',
      mediaForm: 'cd',
    },
    [
      { title: `${DEMO_MARK}午夜電台`, duration: '4:40' },
      { title: `${DEMO_MARK}收訊不良`, duration: '3:12' },
    ],
    next,
  );
  await submitAlbum(ctx, company, returned.album.id);
  await returnAlbum(ctx, officer, returned.album.id, `${DEMO_MARK}發行日期與 CD 封底標示的日期不一致，請確認後修正「發行日期」，再送出審核。`);

  const draft = await createAlbum(ctx, company, { releaseType: 'digital' });
  await updateAlbum(ctx, company, draft.id, { title: `${DEMO_MARK}星光精選（草稿）`, credits: credits('夏語晴', '林子安', '陳柏宇'), publisher: label, albumType: 'best-of' });
  const citable = approved.tracks[0];
  if (citable !== undefined) {
    await citeTrack(ctx, company, draft.id, { recordingId: citable.recording.id });
  }
  await addTrack(ctx, company, draft.id, { isrc: { mode: 'none' }, recording: { title: `${DEMO_MARK}新歌（尚未編配 ISRC）` } });

  // 林小華 (an individual: ISRCs come from the agency's pool on 送出審核).
  const person = { publisher: '林小華', productionCompany: '林小華', workCategory: 'sound-recording' as const, mediaForm: 'digital' as const };
  const personApproved = await albumWithTracks(
    ctx,
    individual,
    'digital',
    {
      ...person,
      title: `${DEMO_MARK}鋼琴小品`,
      credits: [{ role: 'performer', names: ['林小華'] }],
      releaseDate: `${year}.02.14`,
      albumType: 'instrumental',
      publicationCategory: 'classical',
    },
    [
      { title: `${DEMO_MARK}晨光`, duration: '2:58' },
      { title: `${DEMO_MARK}午後的窗`, duration: '3:24' },
    ],
    fromPool,
  );
  await submitAlbum(ctx, individual, personApproved.album.id);
  await approveAlbum(ctx, officer, personApproved.album.id);

  const personSubmitted = await albumWithTracks(
    ctx,
    individual,
    'digital',
    { ...person, title: `${DEMO_MARK}雨天練習曲`, credits: credits('林小華', '林小華', '林小華'), releaseDate: `${year}.10.10`, albumType: 'single', publicationCategory: 'popular' },
    [{ title: `${DEMO_MARK}雨天練習曲`, duration: '3:30' }],
    fromPool,
  );
  await submitAlbum(ctx, individual, personSubmitted.album.id);

  const personReturned = await albumWithTracks(
    ctx,
    individual,
    'digital',
    { ...person, title: `${DEMO_MARK}自彈自唱`, credits: credits('林小華', '林小華', '林小華'), releaseDate: `${year}.05.05`, albumType: 'single', publicationCategory: 'popular' },
    [{ title: `${DEMO_MARK}給你的歌`, duration: '4:01' }],
    fromPool,
  );
  await submitAlbum(ctx, individual, personReturned.album.id);
  await returnAlbum(ctx, officer, personReturned.album.id, `${DEMO_MARK}曲目「給你的歌」的製作公司請填寫正式名稱（例如錄音室的登記名稱），修正後再送出審核。`);

  const personDraft = await createAlbum(ctx, individual, { releaseType: 'digital' });
  await updateAlbum(ctx, individual, personDraft.id, { title: `${DEMO_MARK}未完成的歌（草稿）` });
  await addTrack(ctx, individual, personDraft.id, { isrc: { mode: 'none' }, recording: { title: `${DEMO_MARK}第一首` } });
}

/**
 * Seeds, once: a demo company (with a registrant code) and a demo individual, each with a login and
 * a small catalogue in every review state, and a demo officer login to review with. All or nothing
 * (one transaction). Refuses a database that holds real registrants (DemoRefusedError). Returns
 * whether it seeded now (false: the demo data was there already).
 */
export async function seedDemo(ctx: ServiceContext): Promise<boolean> {
  const real = await countRealRegistrants(ctx);
  if (real > 0) {
    throw new DemoRefusedError(real);
  }
  if (await hasDemoRegistrants(ctx)) {
    return false;
  }
  try {
    await withTransaction(ctx, async (tx) => {
      if ((await listPoolCodes(tx)).length === 0) {
        await addPoolCode(tx, null, undefined);
      }
      const company = await createRegistrant(
        tx,
        null,
        {
          kind: 'company',
          name: `${DEMO_MARK}星光唱片股份有限公司`,
          contactPerson: '王小明',
          address: '臺北市中正區中山南路 20 號',
          phone: '02-2361-9132',
          email: 'demo-company@example.org',
        },
        { isDemo: true },
      );
      await addRegistrantCode(tx, null, company.id, undefined);
      const companyUser = await createUser(tx, null, { ...DEMO_USERS.company, displayName: '示範公司使用者', role: 'registrant_member', registrantId: company.id });
      const individual = await createRegistrant(
        tx,
        null,
        { kind: 'individual', name: `${DEMO_MARK}林小華`, contactPerson: '林小華', phone: '0912-345-678', email: 'demo-individual@example.org' },
        { isDemo: true },
      );
      const individualUser = await createUser(tx, null, { ...DEMO_USERS.individual, displayName: '林小華', role: 'registrant_member', registrantId: individual.id });
      const officerUser = await createUser(tx, null, { ...DEMO_USERS.officer, displayName: `${DEMO_MARK}管理中心承辦人`, role: 'agency_officer', registrantId: null });
      const at = '127.0.0.1';
      await seedCatalogue(tx, actorFor(companyUser, at), actorFor(individualUser, at), actorFor(officerUser, at));
    });
  } catch (err) {
    // Another process starting in demo mode against the same database seeded it first (and not a
    // real account that happens to use a demo login name).
    if (isAppError(err, 'LOGIN_NAME_TAKEN') && (await hasDemoRegistrants(ctx))) {
      return false;
    }
    throw err;
  }
  return true;
}
