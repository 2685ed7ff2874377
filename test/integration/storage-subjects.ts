import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateMultipartUploadCommand, DeleteBucketCommand, ListMultipartUploadsCommand, ListObjectsV2Command, PutObjectCommand, UploadPartCommand, type S3Client } from '@aws-sdk/client-s3';
import { createFsStorage } from '../../src/storage/fs-storage.js';
import { createS3Client } from '../../src/storage/s3-client.js';
import { createS3Storage } from '../../src/storage/s3-storage.js';
import type { FileStorage } from '../../src/storage/storage.js';
import type { S3Store } from '../helpers/s3-store.js';

/** S3's smallest part size: multipart code paths are reached with files of a few MiB. */
export const PART_SIZE = 5 * 1024 * 1024;

/** A storage under test, with a view of everything it holds (temporaries included) and a clock to move. */
export interface StorageSubject {
  readonly storage: FileStorage;
  /** Every object, temporary file and (S3) incomplete multipart upload, sorted. */
  everything(): Promise<string[]>;
  /** What a crash mid-write leaves: a temporary file, or (S3) a `tmp/` object and an incomplete multipart upload. */
  leaveTemporaries(): Promise<void>;
  /** How many items `leaveTemporaries` makes. */
  readonly temporariesPerCall: number;
  /** Moves the storage's clock (what sweepTemporary calls "now") forward. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/** Filesystem storage in a fresh temporary folder. */
export async function fsSubject(): Promise<StorageSubject> {
  const root = await mkdtemp(path.join(tmpdir(), 'isrc-contract-fs-'));
  let offset = 0;
  const storage = createFsStorage(root, { now: () => Date.now() + offset });
  return {
    storage,
    async everything() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
        .sort();
    },
    async leaveTemporaries() {
      await mkdir(path.join(root, '.tmp'), { recursive: true });
      await writeFile(path.join(root, '.tmp', `${randomUUID()}.part`), 'half a file');
    },
    temporariesPerCall: 1,
    advanceClock(ms) {
      offset += ms;
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
}

async function listAll(client: S3Client, bucket: string): Promise<string[]> {
  const found: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    found.push(...(page.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [o.Key])));
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  found.push(...(uploads.Uploads ?? []).map((u) => `(incomplete upload) ${u.Key ?? ''}`));
  return found.sort();
}

/** S3 storage on a fresh bucket of the running Swift store, with the smallest part size. */
export async function s3Subject(store: S3Store): Promise<StorageSubject & { client: S3Client; bucket: string }> {
  const settings = store.settings();
  const client = createS3Client(settings);
  let offset = 0;
  const storage = await createS3Storage(settings, { client, partSize: PART_SIZE, queueSize: 2, now: () => Date.now() + offset });
  const bucket = settings.bucket;
  return {
    storage,
    client,
    bucket,
    everything: () => listAll(client, bucket),
    async leaveTemporaries() {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: `tmp/${randomUUID()}`, Body: 'half a file' }));
      const key = `objects/00/${randomUUID()}`;
      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
      await client.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: 1, Body: Buffer.alloc(1024, 1) }));
    },
    temporariesPerCall: 2,
    advanceClock(ms) {
      offset += ms;
    },
    async close() {
      for (const key of await listAll(client, bucket)) {
        if (!key.startsWith('(')) {
          await storage.delete(key);
        }
      }
      await storage.sweepTemporary(-Infinity);
      await client.send(new DeleteBucketCommand({ Bucket: bucket }));
      client.destroy();
    },
  };
}
