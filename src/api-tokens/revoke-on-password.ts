import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { TxContext } from '../db/context.js';
import { revokeAllUserTokens } from './api-tokens.repo.js';

/** Why a user's tokens were all revoked at once, written in each `api_token.revoke` row's `after`. */
export type PasswordEvent = 'password.change' | 'password.reset';

/**
 * A new password revokes every API token of the user (ASVS 3.3.3 / 7.4.3: a changed credential ends
 * what the old one granted): a token made by whoever knew the old password — a thief, or a former
 * colleague — must not outlive it, as sessions do not. One `api_token.revoke` per token, by the
 * actor who set the password (null from the console), inside the transaction that sets it.
 */
export async function revokeTokensOnPasswordEvent(tx: TxContext, actor: Actor | null, userId: string, reason: PasswordEvent): Promise<number> {
  const revoked = await revokeAllUserTokens(tx.db, userId, tx.clock.now());
  for (const row of revoked) {
    await recordAudit(tx, actor, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: row.id,
      before: { name: row.name, prefix: row.tokenPrefix },
      after: { reason, userId },
    });
  }
  return revoked.length;
}
