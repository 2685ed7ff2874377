import type { Actor } from '../../accounts/actor.js';
import { getAlbum } from '../../catalog/albums.service.js';
import type { ServiceContext } from '../../db/context.js';
import { getRegistrantSummary } from '../../registrants/registrants.service.js';
import { AppError } from '../../shared/errors.js';
import { canExportDdex } from './ddex.policy.js';
import { albumToErn } from './ern-input.js';
import { writeNewReleaseMessage } from './ern-message.js';

/**
 * The DDEX Party Identifier written where a DPID is not known. ERN requires a DPID (PADPIDA…) for the
 * MessageSender and each MessageRecipient and has no "unknown" value; DDEX allocates one free of
 * charge with its Implementation Licence. Until the agency has one (and a recipient is known), the
 * message carries this syntactically valid, obviously unallocated placeholder beside the party's
 * name, which receivers read as "sender by name only". Once DDEX allocates the agency its DPID, set
 * ISRC_AGENCY_DPID and the agency is named by it as the sender (recipients stay placeholders: a
 * registrant's DPID is not recorded here).
 */
export const DDEX_DPID_PLACEHOLDER = 'PADPIDA0000000000UNKNOWN';

export interface DdexExport {
  readonly fileName: string;
  readonly xml: string;
}

/**
 * 匯出 DDEX: the approved album as an ERN 4.3 NewReleaseMessage. The album's own registrant and
 * agency staff may export it (another registrant's album is NOT_FOUND). Sender: the agency;
 * recipient: the album's registrant, who passes it on to its distributors.
 */
export async function exportAlbumDdex(ctx: ServiceContext, actor: Actor, albumId: string): Promise<DdexExport> {
  const album = await getAlbum(ctx, actor, albumId);
  if (!canExportDdex(album.status)) {
    throw new AppError('ALBUM_NOT_APPROVED', { status: album.status, format: 'DDEX' });
  }
  const registrant = await getRegistrantSummary(ctx, album.registrantId);
  const registrantName = registrant?.name ?? '';
  const result = albumToErn({
    album,
    registrantName,
    sender: { dpid: ctx.agency.dpid ?? DDEX_DPID_PLACEHOLDER, name: ctx.agency.name },
    recipient: { dpid: DDEX_DPID_PLACEHOLDER, name: registrantName },
    now: ctx.clock.now(),
  });
  if (!result.ok) {
    throw new AppError('DDEX_TRACKS_INCOMPLETE', {
      positions: [...new Set(result.gaps.map((g) => g.position))].join(', '),
      gaps: result.gaps,
    });
  }
  return { fileName: `ddex-ern43-${String(album.albumNumber)}.xml`, xml: writeNewReleaseMessage(result.message) };
}
