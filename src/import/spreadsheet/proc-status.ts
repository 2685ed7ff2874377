import { readFile } from 'node:fs/promises';

/**
 * Resident memory of a process from /proc/<pid>/status (Linux): VmRSS now and VmHWM, its peak.
 * Undefined where /proc is missing (macOS, a finished process): the watchdog then relies on the
 * heap cap and the timeout alone.
 */
export interface ProcessMemory {
  rssMb: number;
  peakRssMb: number;
}

function kilobytes(status: string, field: string): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export async function processMemory(pid: number): Promise<ProcessMemory | undefined> {
  let status: string;
  try {
    status = await readFile(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const rss = kilobytes(status, 'VmRSS');
  const peak = kilobytes(status, 'VmHWM');
  if (rss === undefined || peak === undefined) {
    return undefined;
  }
  return { rssMb: Math.round(rss / 1024), peakRssMb: Math.round(peak / 1024) };
}
