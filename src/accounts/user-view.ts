import type { UserResponse } from './accounts.schemas.js';
import type { UserRow } from './users.repo.js';

/** The public shape of a user: never the password hash. */
export function toUserResponse(row: UserRow): UserResponse {
  return {
    id: row.id,
    loginName: row.loginName,
    displayName: row.displayName,
    email: row.email,
    role: row.role,
    registrantId: row.registrantId,
    status: row.status,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
  };
}
