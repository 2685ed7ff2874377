import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { assertMember } from './albums.service.js';
import type { RecordingResponse } from './catalog.schemas.js';
import { toRecordingResponse } from './catalog-view.js';
import { listRegistrantRecordings } from './registrant-recordings.repo.js';

export interface OwnRecording {
  recording: RecordingResponse;
  /** The first album (by number) of the registrant's that holds it; null for a recording on none. */
  album: { albumNumber: number; title: string } | null;
}

/** All recordings of the member's registrant, for its export (members only: FORBIDDEN for staff). */
export async function listOwnRecordings(ctx: ServiceContext, actor: Actor): Promise<OwnRecording[]> {
  assertMember(actor);
  const rows = await listRegistrantRecordings(ctx.db, actor.registrantId);
  return rows.map((row) => ({
    recording: toRecordingResponse(row.recording),
    album: row.albumNumber === null ? null : { albumNumber: row.albumNumber, title: row.albumTitle ?? '' },
  }));
}
