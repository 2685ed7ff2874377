import type { ApplicationResponse } from './applications.schemas.js';
import type { ApplicationWithLogin } from './applications.repo.js';

export function toApplicationResponse(row: ApplicationWithLogin): ApplicationResponse {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    registrationNumber: row.registrationNumber,
    contactPerson: row.contactPerson,
    address: row.address,
    phone: row.phone,
    email: row.email,
    loginName: row.loginName,
    status: row.status,
    decisionReason: row.decisionReason,
    registrantId: row.registrantId,
    registrantCode: row.registrantCode,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
