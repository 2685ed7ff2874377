import type { Readable } from 'node:stream';
import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ServiceContext } from '../db/context.js';
import type { StoredFileRef } from '../db/schema/index.js';
import { withTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { extensionOf } from '../storage/content-type.js';
import { FileTooLargeError, newStorageKey, type FileStorage } from '../storage/storage.js';
import { storeUpload, UnsupportedContentError, UploadSourceError } from '../storage/upload.js';
import { sanitiseFileName } from './attachment-name.js';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from './change-request-fields.js';
import { canFileChangeRequest } from './change-requests.policy.js';
import { findChangeRequestForUpdate, findChangeRequestView, updateChangeRequest } from './change-requests.repo.js';
import { findVisibleChangeRequest, getChangeRequest } from './change-requests.service.js';
import type { ChangeRequestResponse } from './change-requests.schemas.js';

const KEY_PREFIX = 'change-requests';

function storageOf(ctx: ServiceContext): FileStorage {
  if (ctx.storage === undefined) {
    throw new Error('file storage is not configured');
  }
  return ctx.storage;
}

export interface UploadedFile {
  fileName: string;
  stream: Readable;
  /** The multipart parser cut the file at its own limit (it does not fail by itself). */
  truncated: () => boolean;
}

async function pendingOwnRequest(ctx: ServiceContext, actor: Actor, id: string): Promise<string> {
  if (!canFileChangeRequest(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const row = await findChangeRequestView(ctx.db, id, actor.registrantId);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  if (row.status !== 'pending') {
    throw new AppError('CHANGE_REQUEST_DECIDED');
  }
  return actor.registrantId;
}

/**
 * Attaches the stamped scan (PDF, JPG or PNG by content, ≤ 5 MB) to a pending request, replacing
 * an earlier one. The file is streamed to storage under a server-made key, hashed and size-limited
 * on the way; a refused or oversize file leaves nothing behind.
 */
export async function attachToChangeRequest(ctx: ServiceContext, actor: Actor, id: string, file: UploadedFile): Promise<ChangeRequestResponse> {
  const drain = () => file.stream.resume();
  let registrantId: string;
  let fileName: string;
  try {
    registrantId = await pendingOwnRequest(ctx, actor, id);
    const name = sanitiseFileName(file.fileName, 'attachment');
    if (!name.ok) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', code: 'invalidCharacter', params: { character: name.character } }] });
    }
    fileName = name.name;
  } catch (err) {
    drain();
    throw err;
  }
  // Ownership first: another registrant's id is NOT_FOUND whatever the server's set-up.
  const storage = storageOf(ctx);
  const key = newStorageKey(KEY_PREFIX);
  let stored;
  try {
    stored = await storeUpload(storage, key, file.stream, { maxBytes: MAX_ATTACHMENT_BYTES, allowed: ATTACHMENT_TYPES });
  } catch (err) {
    if (err instanceof UploadSourceError) {
      // A cut or malformed multipart body.
      throw new AppError('MALFORMED_REQUEST');
    }
    if (err instanceof FileTooLargeError) {
      throw new AppError('BODY_TOO_LARGE', { limit: MAX_ATTACHMENT_BYTES });
    }
    if (err instanceof UnsupportedContentError) {
      throw new AppError('FILE_TYPE_NOT_ALLOWED', { allowed: ['PDF', 'JPG', 'PNG'] });
    }
    throw err;
  }
  if (file.truncated()) {
    await storage.delete(key);
    throw new AppError('BODY_TOO_LARGE', { limit: MAX_ATTACHMENT_BYTES });
  }
  const ref: StoredFileRef = {
    key,
    fileName: fileName.includes('.') ? fileName : `${fileName}${extensionOf(stored.contentType)}`,
    contentType: stored.contentType,
    size: stored.size,
    sha256: stored.sha256,
  };
  let replaced: StoredFileRef | null;
  try {
    replaced = await withTransaction(ctx, async (tx) => {
      const row = await findChangeRequestForUpdate(tx.db, id, registrantId);
      if (row === undefined) {
        throw new AppError('NOT_FOUND');
      }
      if (row.status !== 'pending') {
        throw new AppError('CHANGE_REQUEST_DECIDED');
      }
      await updateChangeRequest(tx.db, id, { attachment: ref });
      await recordAudit(tx, actor, { action: 'changeRequest.attach', entityType: 'changeRequest', entityId: id, before: row.attachment, after: ref });
      return row.attachment;
    });
  } catch (err) {
    await storage.delete(key);
    throw err;
  }
  if (replaced !== null) {
    await storage.delete(replaced.key);
  }
  return getChangeRequest(ctx, actor, id);
}

export interface AttachmentDownload {
  stream: Readable;
  fileName: string;
  contentType: string;
  size: number;
}

/** The attachment of a request the actor may see (staff: any; members: their registrant's). */
export async function openChangeRequestAttachment(ctx: ServiceContext, actor: Actor, id: string): Promise<AttachmentDownload> {
  const row = await findVisibleChangeRequest(ctx, actor, id);
  if (row.attachment === null) {
    throw new AppError('NOT_FOUND');
  }
  const stream = await storageOf(ctx).get(row.attachment.key);
  return { stream, fileName: row.attachment.fileName, contentType: row.attachment.contentType, size: row.attachment.size };
}
