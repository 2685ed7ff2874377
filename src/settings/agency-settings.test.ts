import { describe, expect, it } from 'vitest';
import { AGENCY_SETTING_DEFAULTS, requiredCopiesFor, settingsFromStored } from './agency-settings.js';

describe(settingsFromStored.name, () => {
  it('gives the defaults on an empty table', () => {
    expect(settingsFromStored([])).toEqual(AGENCY_SETTING_DEFAULTS);
    expect(requiredCopiesFor(settingsFromStored([]), 'government')).toBe(2);
    expect(requiredCopiesFor(settingsFromStored([]), 'company')).toBe(1);
  });

  it('reads stored values and falls back per value when one is unreadable', () => {
    const settings = settingsFromStored([
      { key: 'depositCopies', value: { company: 3, individual: 'x', government: 0 } },
      { key: 'depositOverdueDays', value: 45 },
    ]);
    expect(settings).toEqual({ depositCopies: { company: 3, individual: 1, government: 2 }, depositOverdueDays: 45, publicSearch: AGENCY_SETTING_DEFAULTS.publicSearch });
    expect(settingsFromStored([{ key: 'depositOverdueDays', value: 1.5 }]).depositOverdueDays).toBe(30);
    expect(settingsFromStored([{ key: 'depositCopies', value: null }]).depositCopies).toEqual(AGENCY_SETTING_DEFAULTS.depositCopies);
    expect(settingsFromStored([{ key: 'publicSearch', value: { showRegistrantCode: true, requestsPerMinute: 0 } }]).publicSearch).toEqual({
      showRegistrantName: true,
      showRegistrantCode: true,
      requestsPerMinute: 60,
    });
  });
});
