import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir, readdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { EVENTS, Server, type CancellationContext, type Locker, type Upload } from '@tus/server';
import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { AppError, isAppError } from '../shared/errors.js';
import { localeFromAcceptLanguage, type Locale } from '../shared/locale.js';
import { stagedFileAt, type StagedFile } from '../storage/staging.js';
import { MAX_AUDIO_BYTES, TUS_UPLOADS_PATH } from './track-audio.schemas.js';
import { finishResumableUpload, prepareResumableUpload, type AudioUploadOutcome } from './track-audio.service.js';
import { createCreationLocks } from './tus-creation-locks.js';
import { HashingFileStore } from './tus-hashing-store.js';
import { fingerprint, removeStaleUploads, TUS_EXPIRY_MS, unfinishedUploadsOf } from './tus-store-files.js';
import { BUSY_RETRY_SECONDS } from './upload-locks.js';

export { TUS_EXPIRY_MS } from './tus-store-files.js';

/**
 * Resumable audio uploads (the tus protocol, @tus/server with its file store as staging, in
 * `<stagingDir>/tus`). At creation the uploader must say the size (≤ 500 MB; Upload-Defer-Length
 * is refused) and `Upload-Metadata` names the album (`albumId`), the file (`filename`) and
 * optionally the track (`trackId`; without it the ISRC in the name decides, as in a batch); the
 * same checks as any upload run then, so nobody stages data on an album not theirs. Every later
 * request must come from the same user (another gets 404). When the last byte is in, the file is
 * analysed and stored like any upload (hashed while written, or read back from the disk when it came
 * in across a restart or a broken write: tus-hashing-store.ts), and the upload leaves the tus store
 * either way: a refused one is gone too, so a resuming client never sees it "complete".
 */

/** How many unfinished uploads one user may keep: each may hold up to 500 MB of staging disk for days. */
export const MAX_UNFINISHED_UPLOADS_PER_USER = 20;

export interface TusAnswer {
  status_code: number;
  body: string;
}

/** A refusal thrown from a hook: @tus/server answers with its `status_code` and `body`. */
class TusRefusal extends Error implements TusAnswer {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(`tus refusal ${status_code}`);
    this.name = 'TusRefusal';
  }
}

export interface AudioTusOptions {
  ctx: ServiceContext;
  /** The result of a finished upload as the client reads it (JSON), in `locale`. */
  presentOutcome(outcome: AudioUploadOutcome, locale: Locale): string;
  /** An error answer (status and JSON body), in `locale`, naming the request's id when known. */
  presentError(error: AppError, locale: Locale, requestId: string | undefined): TusAnswer;
  /** Logs a failure the client is told nothing about. */
  logError(err: unknown): void;
  /** Upload locks shared by every process (upload-locks.ts); absent: this process's memory. */
  locker?: Locker | undefined;
}

export interface AudioTus {
  /** Answers one tus request of `actor` on the raw Node request and response; errors name `requestId`. */
  handle(actor: Actor, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void>;
  /** Whether upload `id` exists and is `actor`'s: anyone else's is NOT_FOUND before the protocol is even looked at. */
  isOwnUpload(actor: Actor, id: string): Promise<boolean>;
  /** Removes unfinished uploads past TUS_EXPIRY_MS; returns how many. */
  removeExpired(): Promise<number>;
}

/** Who is asking, in which language: set around each request handed to @tus/server. */
interface TusCall {
  actor: Actor;
  locale: Locale;
  requestId: string;
  /**
   * The upload's size is known and within 500 MB: the request continues an upload (whose size was
   * checked at creation; a deferred size is refused), or creates one with an Upload-Length within
   * the limit. A 413 then means the body carried more bytes than that size, not a file too large.
   */
  declaredWithinLimit: boolean;
  /** Ends this request's turn to create an upload (tus-creation-locks.ts), once taken. */
  endCreation?: (() => Promise<void>) | undefined;
}

/**
 * The protocol's own refusals (a missing header, a stale offset, too large) as this API's errors:
 * `{ error: { code, message } }` in the request's language, never tus's plain text.
 */
function errorForTusStatus(status: number, text: string, declaredWithinLimit: boolean): AppError {
  const tus = text.trim();
  if (status === 404 || status === 410) {
    return new AppError('NOT_FOUND');
  }
  if (status === 409 || status === 423) {
    return new AppError('UPLOAD_CONFLICT');
  }
  if (status === 413) {
    // A size within the limit was declared: the request carried more bytes than that size.
    return declaredWithinLimit ? new AppError('UPLOAD_LENGTH_EXCEEDED') : new AppError('AUDIO_TOO_LARGE', { limitMb: MAX_AUDIO_BYTES / (1024 * 1024) });
  }
  return status >= 500 && status !== 501 ? new AppError('INTERNAL') : new AppError('UPLOAD_PROTOCOL_ERROR', { tus });
}

/** See `TusCall.declaredWithinLimit`. */
function declaresSizeWithinLimit(req: IncomingMessage): boolean {
  if (req.method !== 'POST') {
    return true;
  }
  const length = req.headers['upload-length'];
  return typeof length === 'string' && /^\d+$/.test(length) && Number(length) <= MAX_AUDIO_BYTES;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface UploadFacts {
  albumId: string;
  trackId: string | undefined;
  fileName: string;
  userId: string | undefined;
}

function factsOf(upload: Upload): UploadFacts {
  const meta = upload.metadata ?? {};
  const text = (key: string) => meta[key] ?? undefined;
  const trackId = text('trackId');
  return { albumId: text('albumId') ?? '', trackId: trackId === undefined || trackId === '' ? undefined : trackId, fileName: text('filename') ?? '', userId: text('userId') };
}

export function createAudioTus(directory: string, options: AudioTusOptions): AudioTus {
  const { ctx } = options;
  const calls = new AsyncLocalStorage<TusCall>();
  const datastore = new HashingFileStore({ directory });
  const creations = createCreationLocks(options.locker);

  const localeOf = (req: Request): Locale => calls.getStore()?.locale ?? localeFromAcceptLanguage(req.headers.get('accept-language') ?? undefined);
  const refuse = (req: Request, error: AppError): TusRefusal => {
    const answer = options.presentError(error, localeOf(req), calls.getStore()?.requestId);
    return new TusRefusal(answer.status_code, answer.body);
  };
  const actorOf = (req: Request): Actor => {
    const actor = calls.getStore()?.actor;
    if (actor === undefined) {
      throw refuse(req, new AppError('UNAUTHENTICATED'));
    }
    return actor;
  };

  /** @tus/server writing every error answer (its own and the hooks'), made this API's JSON. */
  class AudioTusServer extends Server {
    override async write(context: CancellationContext, headers: Headers, status: number, body = '') {
      if (status < 400) {
        return super.write(context, headers, status, body);
      }
      headers.set('Content-Type', 'application/json; charset=utf-8');
      if (body.startsWith('{')) {
        return super.write(context, headers, status, body);
      }
      const call = calls.getStore();
      const answer = options.presentError(errorForTusStatus(status, body, call?.declaredWithinLimit ?? false), call?.locale ?? 'zh-TW', call?.requestId);
      return super.write(context, headers, answer.status_code, answer.body);
    }
  }

  /** Someone else's upload, or none: the same answer. */
  const isOwnUpload = async (actor: Actor, id: string): Promise<boolean> => {
    const upload = await datastore.getUpload(id).catch(() => undefined);
    return upload !== undefined && factsOf(upload).userId === actor.userId;
  };

  /** Removes the upload from the tus store once (file and its info); a second call does nothing. */
  const removeOnce = (id: string) => {
    let removed: Promise<void> | undefined;
    return () => (removed ??= datastore.remove(id).catch(() => undefined));
  };

  const server = new AudioTusServer({
    path: TUS_UPLOADS_PATH,
    datastore,
    ...(options.locker === undefined ? {} : { locker: options.locker }),
    maxSize: MAX_AUDIO_BYTES,
    relativeLocation: true,
    // Same origin only: no Access-Control-Allow-Origin at all.
    allowedOrigins: [],
    async onIncomingRequest(req, id) {
      if (req.method === 'POST') {
        return;
      }
      if (!(await isOwnUpload(actorOf(req), id))) {
        throw refuse(req, new AppError('NOT_FOUND'));
      }
    },
    async onUploadCreate(req, upload) {
      const actor = actorOf(req);
      if (upload.sizeIsDeferred) {
        throw refuse(req, new AppError('UPLOAD_LENGTH_REQUIRED'));
      }
      const facts = factsOf(upload);
      if (!UUID.test(facts.albumId) || (facts.trackId !== undefined && !UUID.test(facts.trackId))) {
        throw refuse(req, new AppError('NOT_FOUND'));
      }
      if (facts.fileName === '') {
        throw refuse(req, new AppError('AUDIO_FILE_NAME_INVALID', { fileName: '' }));
      }
      // The user's turn to create, held until the new upload's file is written (POST_CREATE below)
      // or the request ends: the count then includes every upload created before this one.
      const endCreation = await creations.acquire(actor.userId).catch((err: unknown) => {
        throw refuse(req, isAppError(err) ? err : new AppError('UPLOADS_BUSY', { retryAfterSeconds: BUSY_RETRY_SECONDS }));
      });
      const call = calls.getStore();
      if (call !== undefined) {
        call.endCreation = endCreation;
      }
      try {
        if ((await unfinishedUploadsOf(directory, actor.userId)) >= MAX_UNFINISHED_UPLOADS_PER_USER) {
          throw new AppError('UPLOAD_TOO_MANY', { max: MAX_UNFINISHED_UPLOADS_PER_USER });
        }
        await prepareResumableUpload(ctx, actor, facts);
      } catch (err) {
        await endCreation();
        throw isAppError(err) ? refuse(req, err) : err;
      }
      // Only what the server decided is kept: the client's other metadata is dropped.
      return { metadata: { albumId: facts.albumId, trackId: facts.trackId ?? '', filename: facts.fileName, userId: actor.userId } };
    },
    async onUploadFinish(req, upload) {
      const actor = actorOf(req);
      const facts = factsOf(upload);
      const discard = removeOnce(upload.id);
      let outcome: AudioUploadOutcome;
      try {
        const file = path.join(directory, upload.id);
        const { sha256, size, head } = await fingerprint(datastore, upload, file);
        ctx.metrics?.uploadReceived(size);
        const staged: StagedFile = { ...stagedFileAt(file, { sha256, size }, head), discard };
        outcome = await finishResumableUpload(ctx, actor, facts, staged);
      } finally {
        await discard();
      }
      return {
        status_code: outcome.status === 'stored' ? 200 : 422,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: options.presentOutcome(outcome, localeOf(req)),
      };
    },
    onResponseError(req, err) {
      // This API's own refusals from below the protocol (the upload locks: UPLOADS_BUSY) keep their code.
      if (isAppError(err)) {
        return refuse(req, err);
      }
      if (err instanceof Error && !(err instanceof TusRefusal) && !('status_code' in err)) {
        options.logError(err);
        return refuse(req, new AppError('INTERNAL'));
      }
      return undefined;
    },
  });

  // Emitted right after the store wrote the new upload's info: the next creation may count it.
  server.on(EVENTS.POST_CREATE, () => {
    calls
      .getStore()
      ?.endCreation?.()
      .catch((err: unknown) => options.logError(err));
  });

  let ready: Promise<unknown> | undefined;
  return {
    async handle(actor, req, res, requestId) {
      ready ??= mkdir(directory, { recursive: true });
      await ready;
      const locale = localeFromAcceptLanguage(req.headers['accept-language']);
      const call: TusCall = { actor, locale, requestId, declaredWithinLimit: declaresSizeWithinLimit(req) };
      try {
        await calls.run(call, () => server.handle(req, res));
      } finally {
        // A creation that failed after its hook (the store could not write) ends its turn here.
        await call.endCreation?.().catch((err: unknown) => options.logError(err));
      }
    },
    isOwnUpload,
    async removeExpired() {
      const removed = await removeStaleUploads(directory, TUS_EXPIRY_MS);
      const left = await readdir(directory).catch(() => [] as string[]);
      datastore.forgetAllBut(new Set(left));
      return removed;
    },
  };
}
