import type { Readable } from 'node:stream';
import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { calendarDateAt } from '../review/deposit-state.js';
import type { AudioContainer } from '../shared/enums.js';
import { AppError } from '../shared/errors.js';
import { storageOf } from '../storage/objects.service.js';
import { findBagSource } from './audio-deposit.repo.js';
import { isrcDisplay } from './audio-deposit.service.js';
import { bagZip, type BagInfoField, type BagPayloadFile } from './bagit.js';
import { mayRecordReceived } from './deposit.policy.js';

const EXTENSIONS: Readonly<Record<AudioContainer, string>> = { mp3: 'mp3', wav: 'wav', mp4: 'mp4' };

export interface BagDownload {
  fileName: string;
  stream: Readable;
}

/**
 * An audio deposit as a BagIt bag (RFC 8493) for the agency's preservation system: payload
 * `data/<ISRC>.<ext>` read from storage as the zip streams, manifests with the SHA-256 recorded at
 * deposit, bag-info with the agency, album number, registrant and ISRCs. Refused (409) when a
 * deposited file is gone from storage: a bag must never silently lack a file.
 */
export async function audioDepositBag(ctx: ServiceContext, actor: Actor, depositId: string): Promise<BagDownload> {
  if (!mayRecordReceived(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const source = await findBagSource(ctx.db, depositId);
  if (source === undefined) {
    throw new AppError('NOT_FOUND');
  }
  const storage = storageOf(ctx);
  const missing: string[] = [];
  for (const file of source.files) {
    if ((await storage.stat(file.storageKey)) === undefined) {
      missing.push(isrcDisplay(file.isrc));
    }
  }
  if (missing.length > 0) {
    throw new AppError('AUDIO_DEPOSIT_OBJECT_MISSING', { isrcs: missing.join(', ') });
  }
  const files: BagPayloadFile[] = source.files.map((f) => ({
    path: `data/${f.isrc}.${EXTENSIONS[f.container]}`,
    size: f.size,
    sha256: f.objectSha256,
    open: () => storage.get(f.storageKey),
  }));
  const now = ctx.clock.now();
  const info: BagInfoField[] = [
    ['Source-Organization', ctx.agency.name],
    ['Organization-Address', ctx.agency.address],
    ['Contact-Phone', ctx.agency.phone],
    ['Contact-Email', ctx.agency.email],
    ['External-Identifier', String(source.albumNumber)],
    ['External-Description', source.albumTitle === '' ? `Album ${source.albumNumber}` : source.albumTitle],
    ['Internal-Sender-Identifier', source.id],
    ['Internal-Sender-Description', `影音檔送存 (audio deposit) of album ${source.albumNumber}, deposited ${calendarDateAt(source.depositedAt, ctx.timeZone)}`],
    ['Bagging-Date', calendarDateAt(now, ctx.timeZone)],
    ['Registrant-Name', source.registrantName],
    ...source.registrantCodes.map((code): BagInfoField => ['Registrant-Code', code]),
    ...source.files.map((f): BagInfoField => ['ISRC', isrcDisplay(f.isrc)]),
  ];
  const bagName = `album-${source.albumNumber}`;
  return { fileName: `${bagName}-bag.zip`, stream: bagZip(bagName, files, info, now) };
}
