import { getRegistrantSummary } from '../registrants/registrants.service.js';
import type { ServiceContext } from '../db/context.js';
import type { MeResponse } from './accounts.schemas.js';
import type { UserRow } from './users.repo.js';
import { toUserResponse } from './user-view.js';

/** The signed-in user and, for members, their registrant. */
export async function getMe(ctx: ServiceContext, user: UserRow): Promise<MeResponse> {
  const registrant = user.registrantId === null ? null : ((await getRegistrantSummary(ctx, user.registrantId)) ?? null);
  return { user: toUserResponse(user), registrant };
}
