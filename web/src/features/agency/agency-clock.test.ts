import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgencyResponse } from '../../../../src/settings/settings.schemas.js';
import { DEFAULT_AGENCY_CLOCK, DEFAULT_TIME_ZONE, agencyClock, agencyInfoFrom, clockSkew } from './agency-clock';

const HOUR = 60 * 60_000;
const CONTACT = { name: 'ISRC 管理中心', address: '臺北市', phone: '(02)2361-9132', email: 'isrc@example.org' };
/** Midnight 1 January 2027 in Asia/Taipei (UTC+8), i.e. still 31 December in UTC and west of it. */
const TAIPEI_NEW_YEAR = Date.parse('2026-12-31T16:00:00.000Z');

/** What the server says at `instant` (GET /agency). */
function agencyAt(instant: number): AgencyResponse {
  return { countryCode: 'TW', timeZone: 'Asia/Taipei', now: new Date(instant).toISOString(), currentYear: 0, contact: CONTACT };
}

describe(clockSkew.name, () => {
  it('is how far the server clock is ahead of the browser clock at receipt', () => {
    expect(clockSkew('2026-12-31T16:30:00.000Z', Date.parse('2026-12-31T15:30:00.000Z'))).toBe(HOUR);
    expect(clockSkew('2026-12-31T15:30:00.000Z', Date.parse('2026-12-31T16:30:00.000Z'))).toBe(-HOUR);
    expect(clockSkew('2026-03-09T04:00:00.000Z', Date.parse('2026-03-09T04:00:00.000Z'))).toBe(0);
  });

  it('compares with the middle of the round trip when the sending time is known', () => {
    const sentAt = Date.parse('2026-03-09T04:00:00.000Z');
    // Sent at 04:00:00, answered at 04:00:02 by the browser's clock; the server stamped 05:00:01.
    expect(clockSkew('2026-03-09T05:00:01.000Z', sentAt + 2000, sentAt)).toBe(HOUR);
  });

  it('is 0 when the server time cannot be read', () => {
    expect(clockSkew('not a time', Date.now())).toBe(0);
  });
});

describe(agencyClock.name, () => {
  it('corrects the browser clock by the skew', () => {
    const clock = agencyClock('Asia/Taipei', HOUR, () => TAIPEI_NEW_YEAR - HOUR);
    expect(clock.agencyNow().toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(clock.timeZone).toBe('Asia/Taipei');
    expect(clock.skewMs).toBe(HOUR);
  });

  describe('either side of midnight on 31 December in Asia/Taipei', () => {
    beforeEach(() => {
      // The browser's own zone is UTC, 8 hours behind Taipei: its calendar still says 31 December.
      vi.stubEnv('TZ', 'UTC');
      vi.useFakeTimers({ toFake: ['Date'] });
    });
    afterEach(() => {
      vi.useRealTimers();
      vi.unstubAllEnvs();
    });

    it('is already the new year in Taipei although the browser clock and zone say 2026', () => {
      // Server: 00:30 on 1 January in Taipei. Browser: one hour slow, and in UTC.
      const serverNow = TAIPEI_NEW_YEAR + HOUR / 2;
      vi.setSystemTime(serverNow - HOUR);
      const info = agencyInfoFrom(agencyAt(serverNow), Date.now(), Date.now());
      const clock = agencyClock(info.timeZone, info.skewMs);

      expect(new Date().getFullYear()).toBe(2026);
      expect(clock.agencyNow().toISOString()).toBe('2026-12-31T16:30:00.000Z');
      expect(clock.agencyYear()).toBe(2027);
      expect(clock.formatDate(clock.agencyNow())).toBe('2027.01.01');
    });

    it('is still the old year in Taipei although the browser clock says 2027', () => {
      // Server: 23:30 on 31 December in Taipei. Browser: two hours fast, already 2027 by its clock.
      const serverNow = TAIPEI_NEW_YEAR - HOUR / 2;
      vi.setSystemTime(serverNow + 2 * HOUR);
      vi.stubEnv('TZ', 'Pacific/Kiritimati'); // UTC+14: the browser's calendar is in 2027 too.
      const info = agencyInfoFrom(agencyAt(serverNow), Date.now(), Date.now());
      const clock = agencyClock(info.timeZone, info.skewMs);

      expect(new Date().getFullYear()).toBe(2027);
      expect(clock.agencyYear()).toBe(2026);
      expect(clock.formatDate(clock.agencyNow())).toBe('2026.12.31');
    });

    it('turns the year exactly at Taipei midnight as the browser clock runs on', () => {
      const serverNow = TAIPEI_NEW_YEAR - 1000;
      const browserAtReceipt = serverNow - 3 * HOUR; // a browser clock three hours slow
      vi.setSystemTime(browserAtReceipt);
      const clock = agencyClock('Asia/Taipei', agencyInfoFrom(agencyAt(serverNow), browserAtReceipt, browserAtReceipt).skewMs);

      expect(clock.agencyYear()).toBe(2026);
      vi.setSystemTime(browserAtReceipt + 999);
      expect(clock.agencyYear()).toBe(2026);
      expect(clock.formatDate(clock.agencyNow())).toBe('2026.12.31');
      vi.setSystemTime(browserAtReceipt + 1000);
      expect(clock.agencyYear()).toBe(2027);
      expect(clock.formatDate(clock.agencyNow())).toBe('2027.01.01');
      expect(new Date().getFullYear()).toBe(2026);
    });

    it('follows the agency zone it is given, not Taipei by habit', () => {
      vi.setSystemTime(TAIPEI_NEW_YEAR + HOUR);
      expect(agencyClock('Asia/Taipei', 0).agencyYear()).toBe(2027);
      expect(agencyClock('Europe/London', 0).agencyYear()).toBe(2026);
      expect(agencyClock('Europe/London', 0).formatDate(new Date())).toBe('2026.12.31');
    });
  });
});

describe('DEFAULT_AGENCY_CLOCK', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('before /agency answers: Asia/Taipei and the browser clock as is, never the browser zone', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(TAIPEI_NEW_YEAR);
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Taipei');
    expect(DEFAULT_AGENCY_CLOCK.timeZone).toBe('Asia/Taipei');
    expect(DEFAULT_AGENCY_CLOCK.skewMs).toBe(0);
    expect(new Date().getFullYear()).toBe(2026);
    expect(DEFAULT_AGENCY_CLOCK.agencyYear()).toBe(2027);
    expect(DEFAULT_AGENCY_CLOCK.formatDate('2026-12-31T15:59:59.999Z')).toBe('2026.12.31');
  });
});

describe(agencyInfoFrom.name, () => {
  it('keeps the country, zone and contact details and measures the skew', () => {
    const sentAt = Date.parse('2026-03-09T04:00:00.000Z');
    expect(agencyInfoFrom(agencyAt(sentAt + 5 * 60_000 + 500), sentAt, sentAt + 1000)).toEqual({
      countryCode: 'TW',
      timeZone: 'Asia/Taipei',
      skewMs: 5 * 60_000,
      contact: CONTACT,
    });
  });
});
