import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TZ_PROBE_CELLS } from '../../../test/fixtures/spreadsheets/tz-cells.js';
import { cellDate, cellDuration } from './cells.js';

const PROBE = fileURLToPath(new URL('../../../test/fixtures/spreadsheets/tz-probe.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface ProbeAnswer {
  offsetMinutes: number;
  dates: unknown[];
  durations: unknown[];
}

async function probe(tz: string): Promise<ProbeAnswer> {
  const child = fork(PROBE, [], { execArgv: ['--import', TSX], env: { TZ: tz }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const [answer] = (await once(child, 'message')) as [ProbeAnswer];
  child.kill();
  return answer;
}

describe('cell conversion in any time zone', () => {
  // The same answers in UTC, Taipei (+8), Kiritimati (+14) and Los Angeles (-8, with DST): dates come
  // from serials by arithmetic, never from a local Date.
  it('converts dates and durations identically under TZ=UTC, Asia/Taipei, Pacific/Kiritimati and America/Los_Angeles', async () => {
    const expected = {
      dates: TZ_PROBE_CELLS.dates.map(([cell, date1904]) => cellDate(cell, date1904)),
      durations: TZ_PROBE_CELLS.durations.map((cell) => cellDuration(cell)),
    };
    expect(expected.dates.map((r) => (r.ok ? r.value : r.reason))).toEqual([
      '2026-01-02',
      '2026-01-02',
      '2025-12-31',
      '2026-01',
      '1976-03-23',
      '2024-03-31',
      '2024-11-03',
      '1900-03-01',
      '1904-01-01',
      '2026-01-02',
      '2026-01-02',
    ]);
    const zones = { UTC: 0, 'Asia/Taipei': -480, 'Pacific/Kiritimati': -840, 'America/Los_Angeles': 480 };
    const answers = await Promise.all(Object.keys(zones).map(probe));
    Object.values(zones).forEach((offset, i) => {
      expect(answers[i]?.offsetMinutes).toBe(offset);
      expect({ dates: answers[i]?.dates, durations: answers[i]?.durations }).toEqual(expected);
    });
  }, 60_000);
});
