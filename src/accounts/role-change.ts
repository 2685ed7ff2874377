import { recordAudit } from '../audit/audit.service.js';
import type { TxContext } from '../db/context.js';
import type { Role } from './accounts.schemas.js';
import type { Actor } from './actor.js';
import { deleteSessionsOfUser } from './sessions.repo.js';

export interface RoleChange {
  userId: string;
  from: Role;
  to: Role;
  registrantId?: string | null;
}

/**
 * Every change of a user's role goes through here, inside the transaction that makes it: the
 * user's sessions end (a session never carries privileges it was not opened with; the next login
 * gets a new id) and the change is audited as `user.role.change`.
 */
export async function endSessionsForRoleChange(tx: TxContext, actor: Actor | null, change: RoleChange): Promise<void> {
  await deleteSessionsOfUser(tx.db, change.userId);
  await recordAudit(tx, actor, {
    action: 'user.role.change',
    entityType: 'user',
    entityId: change.userId,
    before: { role: change.from },
    after: { role: change.to, ...(change.registrantId === undefined ? {} : { registrantId: change.registrantId }) },
  });
}
