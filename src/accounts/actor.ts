import type { Role } from './accounts.schemas.js';

/** The API token a request was authenticated with (src/api-tokens): the audit log names it. */
export interface ActingToken {
  readonly id: string;
  readonly name: string;
}

/** Who is acting: built once per request from the session, passed to every service call. */
export type Actor = (
  | { kind: 'staff'; userId: string; role: 'agency_admin' | 'agency_officer'; ip: string }
  | { kind: 'member'; userId: string; role: 'registrant_member'; registrantId: string; ip: string }
  /** Someone whose 登記者代碼申請 is pending: may read their application, nothing else. */
  | { kind: 'applicant'; userId: string; role: 'applicant'; ip: string }
) & {
  /** Set when the request came with `Authorization: Bearer` instead of a session cookie. */
  apiToken?: ActingToken;
};

export function actorFor(user: { id: string; role: Role; registrantId: string | null }, ip: string): Actor {
  if (user.role === 'registrant_member') {
    if (user.registrantId === null) {
      throw new Error(`registrant member ${user.id} has no registrant`);
    }
    return { kind: 'member', userId: user.id, role: user.role, registrantId: user.registrantId, ip };
  }
  if (user.role === 'applicant') {
    return { kind: 'applicant', userId: user.id, role: user.role, ip };
  }
  return { kind: 'staff', userId: user.id, role: user.role, ip };
}
