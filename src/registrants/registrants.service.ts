import type { Actor } from '../accounts/actor.js';
import { canManageRegistrants, canSeeRegistrant } from '../accounts/accounts.policy.js';
import { endSessionsOfRegistrant } from '../accounts/users.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { withTransaction } from '../db/tx.js';
import type { Page } from '../shared/common.schemas.js';
import type { ServiceContext } from '../db/context.js';
import { AppError } from '../shared/errors.js';
import { withinStoredLengths } from '../shared/stored-length.js';
import { cleanFields, cleanText, pageWindow } from '../shared/text.js';
import { toRegistrantResponse } from './registrant-view.js';
import {
  codesOfRegistrant,
  codesOfRegistrants,
  findAllocationProfileRow,
  findRegistrant,
  findRegistrantForUpdate,
  insertRegistrant,
  listRegistrants,
  updateRegistrantRow,
  type RegistrantRow,
} from './registrants.repo.js';
import { CreateRegistrantBody, UpdateRegistrantBody, type RegistrantListQuery, type RegistrantResponse } from './registrants.schemas.js';

export function assertCanManage(actor: Actor): void {
  if (!canManageRegistrants(actor)) {
    throw new AppError('FORBIDDEN');
  }
}

/** A registrant the actor may see; others' are NOT_FOUND, so their existence is not revealed. */
export async function getVisibleRegistrant(ctx: ServiceContext, actor: Actor, id: string): Promise<RegistrantRow> {
  if (!canSeeRegistrant(actor, id)) {
    throw new AppError('NOT_FOUND');
  }
  const row = await findRegistrant(ctx.db, id);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

export async function searchRegistrants(ctx: ServiceContext, actor: Actor, query: RegistrantListQuery): Promise<Page<RegistrantResponse>> {
  assertCanManage(actor);
  const { page, pageSize, offset } = pageWindow(query.page, query.pageSize);
  const { rows, total } = await listRegistrants(ctx.db, { q: query.q === undefined ? undefined : cleanText(query.q), kind: query.kind, status: query.status }, { offset, limit: pageSize });
  const codes = await codesOfRegistrants(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toRegistrantResponse(r, codes)), total, page, pageSize };
}

export async function getRegistrant(ctx: ServiceContext, actor: Actor, id: string): Promise<RegistrantResponse> {
  const row = await getVisibleRegistrant(ctx, actor, id);
  return toRegistrantResponse(row, await codesOfRegistrant(ctx.db, id));
}

/** Creates a registrant (codes and users are added separately). */
export async function createRegistrant(ctx: ServiceContext, actor: Actor | null, body: CreateRegistrantBody, options: { isDemo?: boolean } = {}): Promise<RegistrantResponse> {
  if (actor !== null) {
    assertCanManage(actor);
  }
  const input = withinStoredLengths(CreateRegistrantBody, cleanFields(body));
  return withTransaction(ctx, async (tx) => {
    const row = await insertRegistrant(tx.db, {
      kind: input.kind,
      name: input.name,
      registrationNumber: input.registrationNumber ?? '',
      contactPerson: input.contactPerson ?? '',
      address: input.address ?? '',
      phone: input.phone ?? '',
      email: input.email ?? '',
      isDemo: options.isDemo ?? false,
    });
    await recordAudit(tx, actor, { action: 'registrant.create', entityType: 'registrant', entityId: row.id, after: row });
    return toRegistrantResponse(row, []);
  });
}

/** Updates contact data or status; suspending ends the sessions of all its users. */
export async function updateRegistrant(ctx: ServiceContext, actor: Actor, id: string, body: UpdateRegistrantBody): Promise<RegistrantResponse> {
  if (!canSeeRegistrant(actor, id)) {
    throw new AppError('NOT_FOUND');
  }
  assertCanManage(actor);
  const patch = withinStoredLengths(UpdateRegistrantBody, cleanFields(body));
  return withTransaction(ctx, async (tx) => {
    const before = await findRegistrantForUpdate(tx.db, id);
    if (before === undefined) {
      throw new AppError('NOT_FOUND');
    }
    const after = await updateRegistrantRow(tx.db, id, patch);
    if (after === undefined) {
      throw new AppError('NOT_FOUND');
    }
    if (before.status === 'active' && after.status === 'suspended') {
      await endSessionsOfRegistrant(tx, id);
    }
    await recordAudit(tx, actor, { action: 'registrant.update', entityType: 'registrant', entityId: id, before, after });
    return toRegistrantResponse(after, await codesOfRegistrant(tx.db, id));
  });
}

export interface RegistrantIssuanceFacts {
  id: string;
  kind: RegistrantRow['kind'];
  status: RegistrantRow['status'];
  /** The registrant's own codes in this country, oldest first (empty for individuals). */
  ownCodes: string[];
  /** The agency's pool codes in this country, oldest first. */
  poolCodes: string[];
  /** The year each of those codes (own and pool) was allocated, by code. */
  allocatedYears: Record<string, number>;
}

/** What allocation needs to know about a registrant (one query); undefined when it does not exist. */
export function getIssuanceFacts(ctx: ServiceContext, registrantId: string): Promise<RegistrantIssuanceFacts | undefined> {
  return findAllocationProfileRow(ctx.db, registrantId, ctx.countryCode);
}

/** Name and kind for the header of a member's pages. */
export async function getRegistrantSummary(ctx: ServiceContext, registrantId: string) {
  const row = await findRegistrant(ctx.db, registrantId);
  return row === undefined ? undefined : { id: row.id, name: row.name, kind: row.kind, isDemo: row.isDemo };
}

/** Registrants that are not demo data: demo mode refuses to seed next to them. */
export async function countRealRegistrants(ctx: ServiceContext): Promise<number> {
  const { total } = await listRegistrants(ctx.db, { demo: false }, { offset: 0, limit: 1 });
  return total;
}

export async function hasDemoRegistrants(ctx: ServiceContext): Promise<boolean> {
  const { rows } = await listRegistrants(ctx.db, { demo: true }, { offset: 0, limit: 1 });
  return rows.length > 0;
}
