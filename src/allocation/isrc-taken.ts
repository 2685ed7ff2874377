import { formatDisplay, isIsrc } from '../isrc/isrc.js';
import { AppError } from '../shared/errors.js';

/** Who holds an ISRC, as far as the caller could find out. */
export interface IsrcHolder {
  registrantId: string;
  /** The first album holding the recording, if it is on one. */
  album?: { id: string; number: number; title: string } | undefined;
}

/**
 * The one way to build ISRC_TAKEN. Details: `isrc` (display form); `ownedByYou` when the holder
 * is known; `album` only when the holder is the asking registrant itself, so another registrant's
 * catalogue is never revealed.
 */
export function isrcTakenError(isrc: string, holder: IsrcHolder | undefined, askingRegistrantId: string | undefined): AppError {
  const display = isIsrc(isrc) ? formatDisplay(isrc) : isrc;
  if (holder === undefined) {
    return new AppError('ISRC_TAKEN', { isrc: display });
  }
  const ownedByYou = holder.registrantId === askingRegistrantId;
  return new AppError('ISRC_TAKEN', {
    isrc: display,
    ownedByYou,
    ...(ownedByYou && holder.album !== undefined ? { album: holder.album } : {}),
  });
}
