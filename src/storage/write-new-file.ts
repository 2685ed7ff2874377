import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Writes `source` through `through` into a new file (`wx`, mode 0640). On any failure the file is
 * removed — only after its stream has closed: a stream failing at once (a refused type, a file too
 * large in its first chunk) can reject the pipeline while the file is still being opened, and a
 * removal then would run before the file exists and leave it behind.
 */
export async function writeNewFile(file: string, source: Readable, through: Transform): Promise<void> {
  const out = createWriteStream(file, { flags: 'wx', mode: 0o640 });
  try {
    await pipeline(source, through, out);
  } catch (err) {
    if (!out.closed) {
      await once(out, 'close').catch(() => undefined);
    }
    await rm(file, { force: true });
    throw err;
  }
}
