/**
 * A data directory prepared before the server starts, for browser tests that need stored audio:
 * a company with a member, an officer, and an approved digital album whose tracks all have audio
 * (random bytes standing in for files: deposit, BagIt and fixity read bytes, they do not analyse
 * audio). Made with the services themselves, because the embedded database allows one process.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Actor } from '../src/accounts/actor.js';
import { createUser } from '../src/accounts/users.service.js';
import { createAlbum, updateAlbum } from '../src/catalog/albums.service.js';
import { addTrack } from '../src/catalog/tracks.service.js';
import { openDatabase } from '../src/db/client.js';
import { contextFromConfig } from '../src/db/context.js';
import { trackAudio } from '../src/db/schema/index.js';
import { addRegistrantCode } from '../src/registrants/registrant-codes.service.js';
import { createRegistrant } from '../src/registrants/registrants.service.js';
import { approveAlbum } from '../src/review/review.service.js';
import { submitAlbum } from '../src/review/submit.service.js';
import { DEFAULT_AGENCY_CONTACT } from '../src/shared/agency-contact.js';
import { systemClock } from '../src/shared/clock.js';
import { createFsStorage } from '../src/storage/fs-storage.js';
import { storeStaged } from '../src/storage/objects.service.js';
import { stageUpload } from '../src/storage/staging.js';

export interface Login {
  loginName: string;
  password: string;
  displayName: string;
}

export interface MediaSeed {
  dataDir: string;
  albumId: string;
  albumNumber: number;
  isrcs: string[];
  /** Storage keys of the tracks' audio, in track order (`<dataDir>/files/<key>`). */
  storageKeys: string[];
}

const ip = '127.0.0.1';

export async function seedMediaDataDir(member: Login, officer: Login, title: string, tracks: readonly string[]): Promise<MediaSeed> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-e2e-media-'));
  const handle = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await handle.migrate();
    const ctx = {
      ...contextFromConfig(handle.db, systemClock, { countryCode: 'TW', timeZone: 'Asia/Taipei', sessionIdleMinutes: 60, agency: DEFAULT_AGENCY_CONTACT }),
      storage: createFsStorage(path.join(dataDir, 'files')),
      stagingDir: path.join(dataDir, 'staging'),
    };
    const registrant = await createRegistrant(ctx, null, { kind: 'company', name: '海潮數位音樂有限公司', contactPerson: member.displayName });
    await addRegistrantCode(ctx, null, registrant.id, undefined);
    const memberUser = await createUser(ctx, null, { ...member, role: 'registrant_member', registrantId: registrant.id });
    const officerUser = await createUser(ctx, null, { ...officer, role: 'agency_officer', registrantId: null });
    const memberActor: Actor = { kind: 'member', userId: memberUser.id, role: 'registrant_member', registrantId: registrant.id, ip };
    const officerActor: Actor = { kind: 'staff', userId: officerUser.id, role: 'agency_officer', ip };
    const credits = [{ role: 'performer', names: ['海潮樂團'] }];
    const album = await createAlbum(ctx, memberActor, { releaseType: 'digital' });
    await updateAlbum(ctx, memberActor, album.id, { title, credits, publisher: '海潮數位', releaseDate: '2025.05.01', productionCompany: '海潮製作', albumType: 'solo' });
    for (const track of tracks) {
      await addTrack(ctx, memberActor, album.id, { isrc: { mode: 'next' }, recording: { title: track, credits, productionCompany: '海潮製作', duration: '0:03:00' } });
    }
    await submitAlbum(ctx, memberActor, album.id);
    const approved = await approveAlbum(ctx, officerActor, album.id);
    const storageKeys: string[] = [];
    for (const track of approved.tracks) {
      const staged = await stageUpload(Readable.from([randomBytes(200_000 + track.position * 1000)]), { dir: ctx.stagingDir, maxBytes: 1 << 24 });
      storageKeys.push(
        await storeStaged(ctx, [{ staged, contentType: 'audio/mpeg' }], async (tx, [object]) => {
          await tx.db.insert(trackAudio).values({
            albumTrackId: track.id,
            albumId: album.id,
            objectSha256: object!.sha256,
            container: 'mp3',
            technical: { codec: 'mp3', sampleRate: 44100, channels: 2, bitRate: 320000, durationMs: 180_000 },
            originalName: `${track.recording.isrc ?? 'track'}.mp3`,
          });
          return object!.storageKey;
        }),
      );
    }
    return { dataDir, albumId: album.id, albumNumber: album.albumNumber, isrcs: approved.tracks.map((t) => t.recording.isrcDisplay ?? ''), storageKeys };
  } finally {
    await handle.close();
  }
}
