import type { Readable } from 'node:stream';
import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ServiceContext } from '../db/context.js';
import type { StoredFileRef } from '../db/schema/index.js';
import { AppError } from '../shared/errors.js';
import { misplacedPdfHeader, nameForType, sniffContentType, SNIFFED_TYPES, sniffRefusedImageFormat, type SniffedType } from '../storage/content-type.js';
import { releaseObject, storageOf, storeStaged } from '../storage/objects.service.js';
import { stageUpload, type StagedFile, type UploadedFile } from '../storage/staging.js';
import { FileTooLargeError } from '../storage/storage.js';
import { UploadSourceError } from '../storage/upload.js';
import { checkAttachmentContent } from './attachment-content.js';
import { sanitiseFileName } from './attachment-name.js';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from './change-request-fields.js';
import { canFileChangeRequest } from './change-requests.policy.js';
import { findChangeRequestForUpdate, findChangeRequestView, updateChangeRequest } from './change-requests.repo.js';
import { assertPending, findVisibleChangeRequest, getChangeRequest } from './change-requests.service.js';
import type { ChangeRequestResponse } from './change-requests.schemas.js';

export type { UploadedFile };

async function pendingOwnRequest(ctx: ServiceContext, actor: Actor, id: string): Promise<string> {
  if (!canFileChangeRequest(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const row = await findChangeRequestView(ctx.db, id, actor.registrantId);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  assertPending(row);
  return actor.registrantId;
}

function stagingDirOf(ctx: ServiceContext): string {
  if (ctx.stagingDir === undefined) {
    throw new Error('the staging directory is not configured');
  }
  return ctx.stagingDir;
}

/** Receives the upload on local disk (≤ 5 MB while streaming, hashed on the way). */
async function stageAttachment(dir: string, file: UploadedFile): Promise<StagedFile> {
  try {
    return await stageUpload(file.stream, { dir, maxBytes: MAX_ATTACHMENT_BYTES });
  } catch (err) {
    if (err instanceof UploadSourceError) {
      // A cut or malformed multipart body.
      throw new AppError('MALFORMED_REQUEST');
    }
    if (err instanceof FileTooLargeError) {
      throw new AppError('BODY_TOO_LARGE', { limit: MAX_ATTACHMENT_BYTES });
    }
    throw err;
  }
}

/** The staged file's type by its first bytes; anything but PDF, JPG or PNG is refused (a known image format by name). */
function attachmentType(staged: StagedFile, file: UploadedFile): SniffedType {
  if (file.truncated()) {
    throw new AppError('BODY_TOO_LARGE', { limit: MAX_ATTACHMENT_BYTES });
  }
  if (staged.size === 0) {
    throw new AppError('FILE_EMPTY');
  }
  // GIF is sniffed too (album covers take it) but is no attachment type: refused by name like HEIC or TIFF.
  const sniffed = sniffContentType(staged.head);
  const type = ATTACHMENT_TYPES.find((t) => t === sniffed);
  if (type === undefined) {
    // A phone's or scanner's own format is named, so the registrant knows what to convert.
    const format = sniffed === 'image/gif' ? 'GIF' : sniffRefusedImageFormat(staged.head);
    if (format !== undefined) {
      throw new AppError('ATTACHMENT_FORMAT_NOT_ALLOWED', { format, allowed: ['PDF', 'JPG', 'PNG'] });
    }
    // Readers skip junk before `%PDF-`, but such a file is no well-formed PDF and the bytes in
    // front can make it read as something else (a page, an archive): a PDF to export again.
    if (misplacedPdfHeader(staged.head) !== undefined) {
      throw new AppError('ATTACHMENT_UNREADABLE');
    }
    throw new AppError('FILE_TYPE_NOT_ALLOWED', { allowed: ['PDF', 'JPG', 'PNG'] });
  }
  return type;
}

/**
 * Attaches the stamped scan (PDF, JPG or PNG by content, ≤ 5 MB) to a pending request, replacing
 * an earlier one. The file is staged (size-limited and hashed while streaming), its type decided by
 * content and its content checked (a PDF whole and without script, an image that decodes), then stored under its content address and referenced from the request in one
 * transaction; a refused or oversize file leaves nothing behind. The replaced file is released
 * (kept while another request attaches the same bytes).
 */
export async function attachToChangeRequest(ctx: ServiceContext, actor: Actor, id: string, file: UploadedFile): Promise<ChangeRequestResponse> {
  let registrantId: string;
  let fileName: string;
  let stagingDir: string;
  try {
    registrantId = await pendingOwnRequest(ctx, actor, id);
    const name = sanitiseFileName(file.fileName, 'attachment');
    if (!name.ok) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', code: 'invalidCharacter', params: { character: name.character } }] });
    }
    fileName = name.name;
    // Ownership first: another registrant's id is NOT_FOUND whatever the server's set-up.
    stagingDir = stagingDirOf(ctx);
    storageOf(ctx);
  } catch (err) {
    file.stream.resume();
    throw err;
  }
  const staged = await stageAttachment(stagingDir, file);
  let contentType: SniffedType;
  try {
    contentType = attachmentType(staged, file);
    await checkAttachmentContent(staged.path, contentType);
  } catch (err) {
    await staged.discard();
    throw err;
  }
  const replaced = await storeStaged(ctx, [{ staged, contentType }], async (tx, objects) => {
    const object = objects[0];
    if (object === undefined) {
      throw new Error('storeStaged returned no object');
    }
    const ref: StoredFileRef = {
      key: object.storageKey,
      fileName: nameForType(fileName, contentType),
      contentType,
      size: object.size,
      sha256: object.sha256,
    };
    const row = await findChangeRequestForUpdate(tx.db, id, registrantId);
    if (row === undefined) {
      throw new AppError('NOT_FOUND');
    }
    assertPending(row);
    await updateChangeRequest(tx.db, id, { attachment: ref });
    await recordAudit(tx, actor, { action: 'changeRequest.attach', entityType: 'changeRequest', entityId: id, before: row.attachment, after: ref });
    return row.attachment;
  });
  if (replaced !== null) {
    await releaseObject(ctx, replaced.sha256, replaced.key);
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
  const { key, fileName, contentType, size } = row.attachment;
  const stream = await storageOf(ctx).get(key);
  // Names stored before the extension rule (nameForType) get it here too.
  const type = SNIFFED_TYPES.find((t) => t === contentType);
  return { stream, fileName: type === undefined ? fileName : nameForType(fileName, type), contentType, size };
}
