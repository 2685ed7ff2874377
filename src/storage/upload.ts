import { Readable, Transform, type TransformCallback } from 'node:stream';
import { SNIFF_BYTES, sniffContentType, type SniffedType } from './content-type.js';
import type { FileStorage, StoredObject } from './storage.js';

/** The upload's first bytes match none of the accepted types. */
export class UnsupportedContentError extends Error {
  constructor(readonly allowed: readonly SniffedType[]) {
    super(`content is not one of ${allowed.join(', ')}`);
    this.name = 'UnsupportedContentError';
  }
}

/** The upload itself broke off (a cut or malformed body): the client's fault, not the storage's. */
export class UploadSourceError extends Error {
  constructor(cause: unknown) {
    super('the upload stream failed', { cause });
    this.name = 'UploadSourceError';
  }
}

/** Holds back the first bytes until their type is known, then lets everything through or fails. */
class Sniffer extends Transform {
  type: SniffedType | undefined;
  private head = Buffer.alloc(0);
  private decided = false;

  constructor(private readonly allowed: readonly SniffedType[]) {
    super();
  }

  private decide(): Error | undefined {
    this.decided = true;
    this.type = sniffContentType(this.head);
    return this.type !== undefined && this.allowed.includes(this.type) ? undefined : new UnsupportedContentError(this.allowed);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.decided) {
      done(null, chunk);
      return;
    }
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < SNIFF_BYTES) {
      done();
      return;
    }
    const refused = this.decide();
    done(refused, refused === undefined ? this.head : undefined);
  }

  override _flush(done: TransformCallback): void {
    if (this.decided) {
      done();
      return;
    }
    const refused = this.decide();
    done(refused, refused === undefined ? this.head : undefined);
  }
}

export interface StoredUpload extends StoredObject {
  contentType: SniffedType;
}

/**
 * Stores an upload under `key` after checking its type by content while it streams: a refused
 * type or an oversize file fails the write, and nothing stays in storage.
 * Throws `UnsupportedContentError` or `FileTooLargeError`.
 */
export async function storeUpload(storage: FileStorage, key: string, source: Readable, options: { maxBytes: number; allowed: readonly SniffedType[] }): Promise<StoredUpload> {
  const sniffer = new Sniffer(options.allowed);
  // Read through the async iterator: a multipart file stream that is piped never reports a body
  // cut off mid-file (no 'error', no 'end'), while iterating it does.
  const input = Readable.from(source, { objectMode: false });
  input.on('error', (err) => sniffer.destroy(new UploadSourceError(err)));
  // A short file is refused before the storage has attached its own listeners (it may still be
  // creating folders); the storage's pipeline still sees the error, so this one only keeps it from
  // being reported as uncaught.
  sniffer.on('error', () => undefined);
  let stored: StoredObject;
  try {
    stored = await storage.put(key, input.pipe(sniffer), { maxBytes: options.maxBytes });
  } catch (err) {
    // Read the rest and drop it: a multipart parser waits until each file stream is consumed.
    input.unpipe(sniffer);
    input.resume();
    throw err;
  }
  if (sniffer.type === undefined) {
    // Unreachable: the sniffer fails the stream unless a type was found.
    await storage.delete(key);
    throw new UnsupportedContentError(options.allowed);
  }
  return { ...stored, contentType: sniffer.type };
}
