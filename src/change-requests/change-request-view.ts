import type { FieldChange, StoredFileRef } from '../db/schema/index.js';
import { ATTACHMENT_TYPES, isChangeableField } from './change-request-fields.js';
import type { ChangeRequestView } from './change-requests.repo.js';
import type { ChangeRequestResponse } from './change-requests.schemas.js';

type AttachmentResponse = NonNullable<ChangeRequestResponse['attachment']>;

function toAttachment(ref: StoredFileRef | null): AttachmentResponse | null {
  if (ref === null) {
    return null;
  }
  const contentType = ATTACHMENT_TYPES.find((t) => t === ref.contentType);
  if (contentType === undefined) {
    throw new Error(`stored attachment has an unexpected type ${ref.contentType}`);
  }
  return { fileName: ref.fileName, contentType, size: ref.size, sha256: ref.sha256 };
}

function toChange(change: FieldChange): ChangeRequestResponse['changes'][number] {
  if (!isChangeableField(change.field)) {
    throw new Error(`stored change names an unknown field ${change.field}`);
  }
  return { field: change.field, before: change.before, after: change.after };
}

/** The storage key stays inside the server: clients download through the API. */
export function toChangeRequestResponse(row: ChangeRequestView): ChangeRequestResponse {
  return {
    id: row.id,
    registrantId: row.registrantId,
    registrantName: row.registrantName,
    status: row.status,
    changes: row.changes.map(toChange),
    reason: row.reason,
    attachment: toAttachment(row.attachment),
    decisionReason: row.decisionReason,
    requestedByName: row.requestedByName,
    decidedByName: row.decidedByName,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt === null ? null : row.decidedAt.toISOString(),
  };
}
