import { describe, expect, it } from 'vitest';
import { trackApiPath, trackPagePath } from './paths';

const ALBUM = '11111111-1111-4111-8111-111111111111';
const TRACK = 'aaaaaaaa-0000-4000-8000-000000000001';

describe(trackPagePath.name, () => {
  it('points at the track under its album', () => {
    expect(trackPagePath(ALBUM, TRACK)).toBe(`/albums/${ALBUM}/tracks/${TRACK}`);
  });

  it('opens the new-track form for "new"', () => {
    expect(trackPagePath(ALBUM, 'new')).toBe(`/albums/${ALBUM}/tracks/new`);
  });

  it('escapes ids so they cannot break out of their path segment', () => {
    expect(trackPagePath('a/b', 'c?d#e')).toBe('/albums/a%2Fb/tracks/c%3Fd%23e');
  });
});

describe(trackApiPath.name, () => {
  it('points at the track, with an optional suffix', () => {
    expect(trackApiPath(ALBUM, TRACK)).toBe(`/albums/${ALBUM}/tracks/${TRACK}`);
    expect(trackApiPath(ALBUM, TRACK, '/isrc')).toBe(`/albums/${ALBUM}/tracks/${TRACK}/isrc`);
  });

  it('escapes both ids but not the suffix', () => {
    expect(trackApiPath('a b', '../x', '/isrc')).toBe('/albums/a%20b/tracks/..%2Fx/isrc');
  });
});
