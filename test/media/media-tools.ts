/** Debian's sox, lame and ffmpeg (installed by .ci/run), as the media fixtures call them. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const run = promisify(execFile);

export async function sox(args: string[]): Promise<void> {
  await run('sox', args);
}

export async function lame(args: string[]): Promise<void> {
  await run('lame', ['--quiet', ...args]);
}

export async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-v', 'error', '-nostdin', '-y', ...args]);
}
