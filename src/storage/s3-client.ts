import { createHash } from 'node:crypto';
import { CreateBucketCommand, HeadBucketCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { S3Settings } from '../config/storage-env.js';

export type { S3Settings };

function hasStringBody(request: unknown): request is { body: string; headers: Record<string, string> } {
  return typeof request === 'object' && request !== null && 'body' in request && typeof request.body === 'string' && 'headers' in request;
}

/**
 * An S3 client with the settings self-hosted stores need (verified against OpenStack Swift's s3api):
 * checksums only where the API requires them (the SDK's default sends stream bodies aws-chunked,
 * which Swift refuses) and a Content-MD5 on DeleteObjects (Swift requires it; the SDK sends CRC32).
 */
export function createS3Client(settings: S3Settings): S3Client {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    forcePathStyle: settings.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'DeleteObjectsCommand' && hasStringBody(args.request)) {
        args.request.headers['content-md5'] = createHash('md5').update(args.request.body).digest('base64');
      }
      return next(args);
    },
    { step: 'build', name: 'deleteObjectsContentMd5' },
  );
  return client;
}

/** The store answered with this HTTP status (404 for a missing key or bucket). */
export function isS3Status(err: unknown, status: number): boolean {
  return err instanceof S3ServiceException && err.$metadata.httpStatusCode === status;
}

/** Creates the bucket unless it is there (a key that may not create buckets still works with an existing one). */
export async function ensureBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return;
  } catch (err) {
    if (!isS3Status(err, 404)) {
      throw err;
    }
  }
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (err) {
    // Created meanwhile by another process of ours.
    if (!(err instanceof S3ServiceException && err.name === 'BucketAlreadyOwnedByYou')) {
      throw err;
    }
  }
}
