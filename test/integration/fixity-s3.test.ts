import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '../../src/config/storage-env.js';
import { createS3Client } from '../../src/storage/s3-client.js';
import { createS3Storage } from '../../src/storage/s3-storage.js';
import { useS3Store } from '../helpers/s3-store.js';
import { realClock } from '../helpers/setup.js';
import { useStorageTestApp } from './audio-deposit-fixtures.js';
import { fixityCases } from './fixity-cases.js';

// 保存檢核 on S3 storage (a real S3-compatible server: OpenStack Swift with s3api on loopback,
// started for this file): objects are overwritten and deleted in the bucket directly, with the AWS
// SDK, behind the application's back.

const s3 = useS3Store();
let settings: S3Settings | undefined;
let client: S3Client | undefined;

const env = useStorageTestApp({
  clock: realClock,
  makeStorage: () => {
    settings = s3.store.settings();
    client = createS3Client(settings);
    return createS3Storage(settings, { client });
  },
});

function bucket(): { client: S3Client; name: string } {
  if (client === undefined || settings === undefined) {
    throw new Error('the S3 storage is not made yet');
  }
  return { client, name: settings.bucket };
}

fixityCases(env, {
  overwrite: async (key, bytes) => {
    const { client, name } = bucket();
    await client.send(new PutObjectCommand({ Bucket: name, Key: key, Body: bytes }));
  },
  remove: async (key) => {
    const { client, name } = bucket();
    await client.send(new DeleteObjectCommand({ Bucket: name, Key: key }));
  },
});
