import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env.js';
import { DEFAULT_SESSION_ABSOLUTE_MINUTES, sessionAbsoluteMs, sessionTooOld } from './session-lifetime.js';

describe('absolute session lifetime', () => {
  it('is 12 hours unless SESSION_ABSOLUTE_MINUTES says otherwise, within 5 minutes to 30 days', () => {
    expect(loadConfig({}).sessionAbsoluteMinutes).toBe(720);
    expect(DEFAULT_SESSION_ABSOLUTE_MINUTES).toBe(720);
    expect(loadConfig({ SESSION_ABSOLUTE_MINUTES: '90' }).sessionAbsoluteMinutes).toBe(90);
    expect(() => loadConfig({ SESSION_ABSOLUTE_MINUTES: '4' })).toThrow(/SESSION_ABSOLUTE_MINUTES/);
    expect(() => loadConfig({ SESSION_ABSOLUTE_MINUTES: 'twelve hours' })).toThrow(/SESSION_ABSOLUTE_MINUTES/);
  });

  it('counts from the login: a session is too old at its lifetime, not a moment before', () => {
    const login = new Date('2026-06-15T08:00:00Z');
    const at = (minutes: number) => new Date(login.getTime() + minutes * 60_000);
    expect(sessionAbsoluteMs({})).toBe(12 * 3_600_000);
    expect(sessionTooOld({}, login, at(719))).toBe(false);
    expect(sessionTooOld({}, login, at(720))).toBe(true);
    expect(sessionTooOld({ sessionAbsoluteMinutes: 30 }, login, at(29))).toBe(false);
    expect(sessionTooOld({ sessionAbsoluteMinutes: 30 }, login, at(30))).toBe(true);
  });
});
