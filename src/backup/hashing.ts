import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BackupFile } from './backup-manifest.js';

/** Streams `source` into `file`, returning the SHA-256 and size of what was written. */
export async function writeHashed(source: Readable, file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  source.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  await pipeline(source, fs.createWriteStream(file));
  return { sha256: hash.digest('hex'), size };
}

export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Every regular file below `dir`, hashed, in a stable order. */
export async function hashTree(dir: string): Promise<BackupFile[]> {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const files: BackupFile[] = [];
  for (const e of entries) {
    const full = path.join(e.parentPath, e.name);
    files.push({ path: path.relative(dir, full).split(path.sep).join('/'), ...(await hashFile(full)) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
