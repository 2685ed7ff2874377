import type { RegistrantCodeResponse, RegistrantResponse } from './registrants.schemas.js';
import type { RegistrantCodeRow, RegistrantRow } from './registrants.repo.js';

export function toRegistrantResponse(row: RegistrantRow, codes: readonly RegistrantCodeRow[]): RegistrantResponse {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    registrationNumber: row.registrationNumber,
    contactPerson: row.contactPerson,
    address: row.address,
    phone: row.phone,
    email: row.email,
    status: row.status,
    isDemo: row.isDemo,
    codes: codes.filter((c) => c.registrantId === row.id).map((c) => c.code),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toRegistrantCodeResponse(row: RegistrantCodeRow): RegistrantCodeResponse {
  return {
    id: row.id,
    countryCode: row.countryCode,
    code: row.code,
    registrantId: row.registrantId,
    isPool: row.isPool,
    allocatedYear: row.allocatedYear,
    createdAt: row.createdAt.toISOString(),
  };
}
