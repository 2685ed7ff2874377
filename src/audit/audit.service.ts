import { auditLog } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { Actor } from '../accounts/actor.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy without secrets: password hashes never reach the audit log. */
function redact(value: unknown): unknown {
  if (value === undefined || value === null) {
    return null;
  }
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (key === 'passwordHash' || key === 'password' || key === 'resetPassword' ? '[redacted]' : v)),
  );
}

/** Writes one audit row; call it inside the transaction that makes the change. */
export async function recordAudit(db: Db, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: actor?.userId ?? null,
    ip: actor?.ip ?? '',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
  });
}
