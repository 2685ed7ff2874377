import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Meter } from './meter.js';
import { createS3Client, ensureBucket, isS3Status, type S3Settings } from './s3-client.js';
import { contentKey, FileNotFoundError, isValidStorageKey, type ByteRange, type FileStorage, type ListedObject, type PutFileOptions, type PutOptions, type StoredObject } from './storage.js';

/** Where `put` streams before the object is copied to its key; swept at start-up. */
export const S3_TEMP_PREFIX = 'tmp/';

export interface S3StorageOptions {
  /** A client made elsewhere (tests); default: `createS3Client(settings)`. */
  client?: S3Client;
  /** Multipart part size: at least 5 MiB (S3's minimum, the default). */
  partSize?: number;
  /** Parts in flight at once; memory held ≈ partSize × (queueSize + 1). Default 2. */
  queueSize?: number;
  /** Milliseconds since the epoch, for deciding what is old enough to sweep; default Date.now. */
  now?: () => number;
}

function checkedKey(key: string): string {
  if (!isValidStorageKey(key)) {
    throw new Error(`invalid storage key "${key}"`);
  }
  return key;
}

/** `source` piped through a meter; the first error of either (the meter's own, or the source's) is kept. */
function metered(source: Readable, meter: Meter): { meter: Meter; failure: () => unknown } {
  let failure: unknown;
  meter.on('error', (err) => {
    failure ??= err;
  });
  source.on('error', (err) => meter.destroy(err));
  source.pipe(meter);
  return { meter, failure: () => failure };
}

/** Connects to the bucket (creating it when missing) and returns the storage on it. */
export async function createS3Storage(settings: S3Settings, options: S3StorageOptions = {}): Promise<FileStorage> {
  const client = options.client ?? createS3Client(settings);
  try {
    await ensureBucket(client, settings.bucket);
  } catch (err) {
    // Names the store, never the keys.
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new Error(`cannot use S3 bucket "${settings.bucket}" at ${settings.endpoint}: ${reason}`, { cause: err });
  }
  return s3Storage(client, settings.bucket, options);
}

/**
 * Objects in an S3-compatible bucket. Nothing is visible half-written: a multipart upload appears
 * only when completed (and is aborted on failure), and `put`'s arbitrary streams go to `tmp/<uuid>`
 * first and are copied to their key once counted and checked.
 */
export function s3Storage(client: S3Client, bucket: string, options: S3StorageOptions = {}): FileStorage {
  const partSize = options.partSize ?? 5 * 1024 * 1024;
  const queueSize = options.queueSize ?? 2;
  const now = options.now ?? Date.now;

  /** Streams `body` to `key`; resolves once the whole object is there, or rejects leaving nothing. */
  async function upload(key: string, body: Readable, contentLength?: number): Promise<void> {
    const params = { Bucket: bucket, Key: key, Body: body, ContentType: 'application/octet-stream', ...(contentLength === undefined ? {} : { ContentLength: contentLength }) };
    const job = new Upload({ client, params, partSize, queueSize, leavePartsOnError: false });
    try {
      await job.done();
    } catch (err) {
      body.destroy();
      throw err;
    }
  }

  async function statKey(key: string): Promise<{ size: number } | undefined> {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: checkedKey(key) }));
      return { size: head.ContentLength ?? 0 };
    } catch (err) {
      if (isS3Status(err, 404)) {
        return undefined;
      }
      throw err;
    }
  }

  async function deleteKey(key: string): Promise<void> {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: checkedKey(key) }));
  }

  /** Deletes `tmp/` objects last modified before `cutoff`; returns how many. */
  async function sweepTempObjects(cutoff: number): Promise<number> {
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: S3_TEMP_PREFIX, ContinuationToken: token }));
      const old = (page.Contents ?? []).flatMap((o) => (o.Key !== undefined && o.LastModified !== undefined && o.LastModified.getTime() < cutoff ? [{ Key: o.Key }] : []));
      if (old.length > 0) {
        const result = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: old, Quiet: true } }));
        const errors = result.Errors ?? [];
        if (errors.length > 0) {
          throw new Error(`could not delete ${errors.length} temporary objects: ${errors[0]?.Code ?? ''} ${errors[0]?.Message ?? ''}`);
        }
        removed += old.length;
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return removed;
  }

  /** Aborts multipart uploads (a crash mid-upload) started before `cutoff`; returns how many. */
  async function sweepUploads(cutoff: number): Promise<number> {
    let removed = 0;
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    for (;;) {
      const page = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }));
      for (const { Key, UploadId, Initiated } of page.Uploads ?? []) {
        if (Key === undefined || UploadId === undefined || Initiated === undefined || Initiated.getTime() >= cutoff) {
          continue;
        }
        try {
          await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key, UploadId }));
          removed++;
        } catch (err) {
          // Completed or aborted meanwhile.
          if (!isS3Status(err, 404)) {
            throw err;
          }
        }
      }
      if (page.IsTruncated !== true) {
        return removed;
      }
      keyMarker = page.NextKeyMarker;
      uploadIdMarker = page.NextUploadIdMarker;
    }
  }

  return {
    kind: 's3',

    async putFile(localPath: string, expected: StoredObject, options: PutFileOptions = {}): Promise<string> {
      const key = contentKey(expected.sha256);
      if ((await statKey(key))?.size === expected.size) {
        return key;
      }
      // The meter fails the stream before its end unless the bytes are the recorded ones, so the
      // upload is never completed with other bytes. Bytes hashed as they were staged are only
      // counted: hashing 500 MB again would take the CPU the store itself needs (Swift on the same host).
      const meter = new Meter(expected.size, expected, { hashing: options.hashed !== true });
      const { failure } = metered(createReadStream(localPath), meter);
      try {
        await upload(key, meter, expected.size);
      } catch (err) {
        throw failure() ?? err;
      }
      const stored = await statKey(key);
      if (stored?.size !== expected.size) {
        await deleteKey(key);
        throw new Error(`object ${key} has ${stored?.size ?? 'no'} bytes after upload, expected ${expected.size}`);
      }
      return key;
    },

    async put(key: string, source: Readable, options: PutOptions = {}): Promise<StoredObject> {
      const target = checkedKey(key);
      const temp = `${S3_TEMP_PREFIX}${randomUUID()}`;
      const { meter, failure } = metered(source, new Meter(options.maxBytes ?? Number.MAX_SAFE_INTEGER));
      try {
        try {
          await upload(temp, meter);
        } catch (err) {
          throw failure() ?? err;
        }
        const stored = { size: meter.byteCount, sha256: meter.digest() };
        const written = await statKey(temp);
        if (written?.size !== stored.size) {
          throw new Error(`temporary object ${temp} has ${written?.size ?? 'no'} bytes, ${stored.size} were sent`);
        }
        await client.send(new CopyObjectCommand({ Bucket: bucket, Key: target, CopySource: `${bucket}/${temp}` }));
        return stored;
      } finally {
        // Best effort: a temporary object left by a failed delete is swept at the next start.
        await deleteKey(temp).catch(() => undefined);
      }
    },

    async get(key: string, range?: ByteRange): Promise<Readable> {
      const Range = range === undefined ? undefined : `bytes=${range.start}-${range.end}`;
      let body: unknown;
      try {
        body = (await client.send(new GetObjectCommand({ Bucket: bucket, Key: checkedKey(key), Range }))).Body;
      } catch (err) {
        if (isS3Status(err, 404)) {
          throw new FileNotFoundError(key);
        }
        throw err;
      }
      if (!(body instanceof Readable)) {
        throw new Error(`object ${key} came back without a readable body`);
      }
      return body;
    },

    stat: statKey,

    delete: deleteKey,

    async exists(key: string): Promise<boolean> {
      return (await statKey(key)) !== undefined;
    },

    async sweepTemporary(olderThanMs: number): Promise<number> {
      const cutoff = now() - olderThanMs;
      return (await sweepTempObjects(cutoff)) + (await sweepUploads(cutoff));
    },

    async *list(prefix: string): AsyncIterable<ListedObject> {
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          if (o.Key !== undefined && !o.Key.startsWith(S3_TEMP_PREFIX) && isValidStorageKey(o.Key)) {
            yield { key: o.Key, size: o.Size ?? 0, modifiedAt: o.LastModified?.getTime() ?? 0 };
          }
        }
        token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
    },
  };
}
