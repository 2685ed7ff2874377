/**
 * 回溯編碼 held over time: an ISRC whose year of reference is before its registrant code was
 * allocated may sit only on a retroactive album. parseOwnIsrc checks it when the code is attached;
 * this checks the album's tracks as they are, when `retroactive` is cleared and on 送出審核, so
 * unticking the box afterwards cannot carry such a code through.
 */
import type { AllocationProfile } from '../allocation/allocation.service.js';
import { codeYearFinding } from '../isrc/code-year.js';
import { isIsrc, parseIsrcParts } from '../isrc/isrc.js';
import { AppError } from '../shared/errors.js';
import { displayIsrc } from './catalog-view.js';
import type { TrackWithRecording } from './tracks.repo.js';

export interface RetroactiveTrack {
  id: string;
  position: number;
  title: string;
  isrc: string;
  year: number;
  allocatedYear: number;
}

/**
 * The album's own new tracks whose ISRC needs 回溯編碼: under one of the registrant's codes of this
 * country, with a year before that code was allocated. Cited recordings were approved elsewhere.
 */
export function tracksNeedingRetroactive(countryCode: string, profile: AllocationProfile, tracks: readonly TrackWithRecording[]): RetroactiveTrack[] {
  return tracks
    .filter((t) => !t.track.cited && t.recording.isrcSource !== 'foreign')
    .flatMap((t): RetroactiveTrack[] => {
      const isrc = t.recording.isrc;
      if (isrc === null || !isIsrc(isrc)) {
        return [];
      }
      const parts = parseIsrcParts(isrc);
      const allocatedYear = parts.countryCode === countryCode ? profile.allocatedYears[parts.registrantCode] : undefined;
      const early = allocatedYear === undefined ? undefined : codeYearFinding(parts.yearOfReference, allocatedYear, false);
      return early === undefined
        ? []
        : [{ id: t.track.id, position: t.track.position, title: t.recording.title, isrc: displayIsrc(isrc) ?? isrc, year: early.fullYear, allocatedYear: early.allocatedYear }];
    })
    .sort((a, b) => a.position - b.position);
}

/** ALBUM_RETROACTIVE_REQUIRED naming the tracks and codes, when there are any. */
export function assertRetroactiveKept(countryCode: string, profile: AllocationProfile, tracks: readonly TrackWithRecording[]): void {
  const needing = tracksNeedingRetroactive(countryCode, profile, tracks);
  if (needing.length > 0) {
    throw new AppError('ALBUM_RETROACTIVE_REQUIRED', {
      count: needing.length,
      positions: needing.map((t) => t.position).join(', '),
      isrcs: needing.map((t) => t.isrc).join(', '),
      tracks: needing,
    });
  }
}
