/**
 * `npm ci` on the oldest Node that package.json's `engines` admits must not warn EBADENGINE: every
 * locked package (transitive ones included, dev tools too) has to run there. A new major of a
 * transitive dependency that drops Node 20 is pinned back with `overrides` (as `cookie` is).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface LockFile {
  packages: Record<string, { version?: string; engines?: Record<string, string> | string[] }>;
}

type Version = readonly [number, number, number];

function parseVersion(text: string): Version {
  const [major = 0, minor = 0, patch = 0] = text
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10));
  return [major, minor, patch];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** One comparator of an npm range (`>=20.19`, `^22.13.0`, `~1.2`, `20`, `20.x`, `*`). */
function satisfiesComparator(version: Version, comparator: string): boolean {
  const match = /^(>=|<=|>|<|=|\^|~)?\s*v?([0-9x*]+)(?:\.([0-9x*]+))?(?:\.([0-9x*]+))?$/.exec(comparator.trim());
  if (match === null) {
    throw new Error(`unsupported engines comparator "${comparator}"`);
  }
  const [, op = '', ...rawParts] = match;
  const given = rawParts.filter((p): p is string => p !== undefined && p !== 'x' && p !== '*').map(Number);
  if (given.length === 0) {
    return true;
  }
  const low: Version = [given[0] ?? 0, given[1] ?? 0, given[2] ?? 0];
  // Partial versions are ranges: `20` is 20.0.0 ≤ v < 21.0.0, `20.19` is 20.19.0 ≤ v < 20.20.0.
  const bump = (index: number): Version => {
    const next: [number, number, number] = [low[0], low[1], low[2]];
    next[index] = (next[index] ?? 0) + 1;
    for (let i = index + 1; i < 3; i++) {
      next[i] = 0;
    }
    return next;
  };
  const upperOfPartial = given.length < 3 ? bump(given.length - 1) : undefined;
  switch (op) {
    case '>=':
      return compare(version, low) >= 0;
    case '>':
      return upperOfPartial === undefined ? compare(version, low) > 0 : compare(version, upperOfPartial) >= 0;
    case '<':
      return compare(version, low) < 0;
    case '<=':
      return upperOfPartial === undefined ? compare(version, low) <= 0 : compare(version, upperOfPartial) < 0;
    case '^': {
      const firstNonZero = low[0] !== 0 || given.length === 1 ? 0 : low[1] !== 0 || given.length === 2 ? 1 : 2;
      return compare(version, low) >= 0 && compare(version, bump(firstNonZero)) < 0;
    }
    case '~':
      return compare(version, low) >= 0 && compare(version, bump(given.length === 1 ? 0 : 1)) < 0;
    default:
      return upperOfPartial === undefined ? compare(version, low) === 0 : compare(version, low) >= 0 && compare(version, upperOfPartial) < 0;
  }
}

/** An npm range: alternatives separated by `||`, each a set of comparators that must all hold. */
function satisfies(versionText: string, range: string): boolean {
  const version = parseVersion(versionText);
  return range.split('||').some((alternative) => {
    // `>= 18` and `>=18` are the same comparator: glue operators to their version first.
    const comparators = alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter((c) => c !== '');
    return comparators.every((c) => satisfiesComparator(version, c));
  });
}

const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as LockFile;

describe('locked packages and package.json engines', () => {
  it('reads npm ranges as npm does', () => {
    expect(satisfies('20.19.0', '>=20.19')).toBe(true);
    expect(satisfies('20.18.9', '>=20.19')).toBe(false);
    expect(satisfies('20.19.0', '>=22')).toBe(false);
    expect(satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('20.19.0', '^18.18.0 || ^20.9.0 || >=21.1.0')).toBe(true);
    expect(satisfies('20.19.0', '18 || 20 || >=22')).toBe(true);
    expect(satisfies('21.0.0', '18 || 20 || >=22')).toBe(false);
    expect(satisfies('20.19.0', '>=16 || 14 >=14.17')).toBe(true);
    expect(satisfies('20.19.0', '>= 10.x')).toBe(true);
  });

  it('every locked package runs on the oldest Node that engines admits (no EBADENGINE on npm ci)', () => {
    const floor = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(manifest.engines.node.trim())?.[1];
    expect(floor, `engines.node "${manifest.engines.node}" should be ">=X.Y"`).toBeDefined();
    const oldest = floor ?? '0';
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range !== undefined && !satisfies(oldest, range) ? [`${name.replace(/^.*node_modules\//, '')}@${entry.version ?? '?'} needs node ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });
});
