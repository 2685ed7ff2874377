import { auditLog } from '../db/schema/index.js';
import type { TxContext } from '../db/context.js';
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
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'passwordHash' || key === 'password' || key === 'resetPassword' ? '[redacted]' : v)));
}

export type AuditRow = typeof auditLog.$inferInsert;

/**
 * A change made with an API token names the token in the row's `after` (as `apiToken: { id, name }`):
 * the audit log has no column for it, and `after` is the JSON every reader already shows.
 */
function withActingToken(after: unknown, actor: Actor | null): unknown {
  if (actor?.apiToken === undefined) {
    return after;
  }
  const apiToken = { id: actor.apiToken.id, name: actor.apiToken.name };
  if (after === null) {
    return { apiToken };
  }
  return typeof after === 'object' && !Array.isArray(after) ? { ...after, apiToken } : { value: after, apiToken };
}

/** The row `recordAudit` writes, for a repository that writes it inside a larger statement. */
export function auditRow(actor: Actor | null, entry: AuditEntry): AuditRow {
  return {
    actorUserId: actor?.userId ?? null,
    ip: actor?.ip ?? '',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: withActingToken(redact(entry.after), actor),
  };
}

/** Writes one audit row, inside the transaction that makes the change (hence TxContext). */
export async function recordAudit(tx: TxContext, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.db.insert(auditLog).values(auditRow(actor, entry));
}
