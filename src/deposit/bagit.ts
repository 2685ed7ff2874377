import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';
import { formatBytes } from '../shared/format-bytes.js';

/**
 * BagIt (RFC 8493) bags, the package digital-preservation systems take in, written as a zip that
 * streams: the tag files are small texts made here; payload files are read one after another from
 * their source while the zip is sent, so a bag is never assembled in memory or on disk.
 */

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export interface BagPayloadFile {
  /** Path inside the bag, `data/...` (made by the server; never a user's file name). */
  path: string;
  size: number;
  /** The SHA-256 the file was recorded with: a changed file then fails the bag's validation. */
  sha256: string;
  open(): Promise<Readable>;
}

/** One `Label: value` line of bag-info.txt; labels may repeat (one `ISRC:` line per recording). */
export type BagInfoField = readonly [label: string, value: string];

/** RFC 8493 §2.1.3: CR, LF and % in a manifest's file path are percent-encoded. */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** `checksum  path` per line (RFC 8493 §2.1.3, §2.2.1). */
export function manifestText(entries: ReadonlyArray<{ path: string; sha256: string }>): string {
  return entries.map((e) => `${e.sha256}  ${encodeManifestPath(e.path)}\n`).join('');
}

/** Total octets and file count of the payload: `12345.3`. */
export function payloadOxum(files: ReadonlyArray<{ size: number }>): string {
  return `${files.reduce((n, f) => n + f.size, 0)}.${files.length}`;
}

/** A human-readable size for Bag-Size (`1.5 MB`), written as the app writes sizes everywhere. */
export function humanSize(bytes: number): string {
  return formatBytes(bytes);
}

/** One value on one line: control characters (a newline in an album title) become spaces. */
function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

export function bagInfoText(fields: readonly BagInfoField[]): string {
  return fields.map(([label, value]) => `${label}: ${oneLine(value)}\n`).join('');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The tag files of a bag, in the order they go into the zip. */
export function tagFiles(files: readonly BagPayloadFile[], info: readonly BagInfoField[]): Array<{ path: string; text: string }> {
  const total = files.reduce((n, f) => n + f.size, 0);
  const tags = [
    { path: 'bagit.txt', text: BAGIT_TXT },
    { path: 'bag-info.txt', text: bagInfoText([...info, ['Payload-Oxum', payloadOxum(files)], ['Bag-Size', humanSize(total)]]) },
    { path: 'manifest-sha256.txt', text: manifestText(files) },
  ];
  return [...tags, { path: 'tagmanifest-sha256.txt', text: manifestText(tags.map((t) => ({ path: t.path, sha256: sha256Hex(t.text) }))) }];
}

/**
 * The bag `<bagName>/…` as a zip stream. Payload entries are stored (audio does not compress) and
 * opened lazily, one at a time, when the zip reaches them; a source that fails ends the stream
 * with that error.
 */
export function bagZip(bagName: string, files: readonly BagPayloadFile[], info: readonly BagInfoField[], mtime: Date): Readable {
  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  zip.on('error', (err: Error) => out.destroy(err));
  for (const tag of tagFiles(files, info)) {
    zip.addBuffer(Buffer.from(tag.text, 'utf8'), `${bagName}/${tag.path}`, { mtime, compress: true });
  }
  for (const file of files) {
    zip.addReadStreamLazy(`${bagName}/${file.path}`, { mtime, compress: false }, (cb) => {
      file.open().then(
        (stream) => cb(null, stream),
        (err: unknown) => cb(err, new PassThrough()),
      );
    });
  }
  zip.end();
  zip.outputStream.on('error', (err: Error) => out.destroy(err));
  zip.outputStream.pipe(out);
  return out;
}
