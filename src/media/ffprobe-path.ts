import { constants } from 'node:fs';
import { access, chmod, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * Where the static ffprobe from `@ffprobe-installer/ffprobe` is, made executable.
 *
 * The package's binary installs with mode 744 and npm 11 blocks its postinstall, so on first use we
 * `chmod 755` it once; if that is impossible and we still cannot execute it, the error says what to
 * run. The package is loaded lazily: it throws at import on an unsupported platform, which should
 * fail the first audio upload with a clear message, not the server's start.
 */
export class FfprobeUnavailableError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'FfprobeUnavailableError';
  }
}

const EXECUTABLE_BY_ALL = 0o111;

/** Makes `binary` executable by everyone (chmod 755) unless it already is; throws a clear error if it cannot be run. */
export async function ensureExecutable(binary: string): Promise<void> {
  let mode: number;
  try {
    const info = await stat(binary);
    if (!info.isFile()) {
      throw new FfprobeUnavailableError(`ffprobe at ${binary} is not a regular file`);
    }
    mode = info.mode;
  } catch (error) {
    if (error instanceof FfprobeUnavailableError) {
      throw error;
    }
    throw new FfprobeUnavailableError(`ffprobe not found at ${binary}; run npm ci`, { cause: error });
  }
  if ((mode & EXECUTABLE_BY_ALL) === EXECUTABLE_BY_ALL) {
    return;
  }
  try {
    await chmod(binary, 0o755);
    return;
  } catch (chmodError) {
    try {
      // Read-only install owned by us: it may still run for this user.
      await access(binary, constants.X_OK);
    } catch {
      throw new FfprobeUnavailableError(`ffprobe at ${binary} is not executable and chmod failed; run: chmod 755 ${binary}`, { cause: chmodError });
    }
  }
}

function installerPath(): string {
  const require = createRequire(import.meta.url);
  let loaded: unknown;
  try {
    loaded = require('@ffprobe-installer/ffprobe');
  } catch (error) {
    throw new FfprobeUnavailableError('@ffprobe-installer/ffprobe has no ffprobe for this platform; run npm ci', { cause: error });
  }
  if (typeof loaded === 'object' && loaded !== null && 'path' in loaded && typeof loaded.path === 'string') {
    return loaded.path;
  }
  throw new FfprobeUnavailableError('@ffprobe-installer/ffprobe did not give a path');
}

let resolved: Promise<string> | undefined;

/** The ffprobe binary to run, checked (and made executable) once per process. */
export function ffprobePath(): Promise<string> {
  if (resolved === undefined) {
    const attempt = (async () => {
      const binary = installerPath();
      await ensureExecutable(binary);
      return binary;
    })();
    // A failure is not cached: the next upload tries again (e.g. after an operator's chmod).
    attempt.catch(() => {
      if (resolved === attempt) {
        resolved = undefined;
      }
    });
    resolved = attempt;
  }
  return resolved;
}
