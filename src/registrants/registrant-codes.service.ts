import type { Actor } from '../accounts/actor.js';
import { canManageSettings, canSeeRegistrant, isAdmin } from '../accounts/accounts.policy.js';
import { holdsRegistrantCodes } from '../allocation/issuance.policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { withTransaction, pgErrorCode, PG_UNIQUE_VIOLATION } from '../db/tx.js';
import { parseRegistrantCode, suggestRegistrantCode } from '../isrc/registrant-code.js';
import { FIRST_ISRC_YEAR } from '../isrc/year.js';
import { currentYear, type ServiceContext } from '../db/context.js';
import { AppError, isAppError } from '../shared/errors.js';
import { toRegistrantCodeResponse } from './registrant-view.js';
import {
  allCodesInCountry,
  codesOfRegistrant,
  findAllocatedYear,
  findRegistrantCodeForUpdate,
  findRegistrantForUpdate,
  insertRegistrantCode,
  poolCodes,
  updateRegistrantCodeYear,
} from './registrants.repo.js';
import type { CodeSuggestionResponse, RegistrantCodeResponse, UpdateRegistrantCodeBody } from './registrants.schemas.js';
import { assertCanManage, getVisibleRegistrant } from './registrants.service.js';

/** The next free registrant code in the agency's order (A01, A02, …). */
export async function suggestCode(ctx: ServiceContext, actor: Actor): Promise<CodeSuggestionResponse> {
  assertCanManage(actor);
  const code = suggestRegistrantCode(await allCodesInCountry(ctx.db, ctx.countryCode));
  if (code === undefined) {
    throw new AppError('REGISTRANT_CODES_EXHAUSTED');
  }
  return { countryCode: ctx.countryCode, code };
}

function parseCode(input: string): string {
  const parsed = parseRegistrantCode(input);
  if (!parsed.ok) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'code', code: 'registrantCode' }] });
  }
  return parsed.value;
}

/**
 * The year a code was allocated, as staff enter it for a code carried over from an earlier system:
 * 1986 (the first ISRC year; the schema checks it) up to the agency's current year.
 */
function checkAllocatedYear(ctx: ServiceContext, allocatedYear: number): number {
  const latest = currentYear(ctx);
  if (allocatedYear > latest) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'allocatedYear', code: 'maximum', params: { limit: latest } }] });
  }
  if (allocatedYear < FIRST_ISRC_YEAR) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'allocatedYear', code: 'minimum', params: { limit: FIRST_ISRC_YEAR } }] });
  }
  return allocatedYear;
}

/** What staff give when adding a code: the code (else the suggestion) and its year (else this year). */
export interface NewCodeInput {
  code?: string | undefined;
  allocatedYear?: number | undefined;
}

/**
 * Inserts a code; the unique index on (country, code) is what guarantees no code is allocated
 * twice. A suggested code that another request took a moment earlier is retried with the next one.
 */
async function insertCode(ctx: ServiceContext, actor: Actor | null, input: NewCodeInput, owner: { registrantId: string | null; isPool: boolean }): Promise<RegistrantCodeResponse> {
  const requested = input.code;
  const allocatedYear = input.allocatedYear === undefined ? undefined : checkAllocatedYear(ctx, input.allocatedYear);
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertCodeOnce(ctx, actor, requested, allocatedYear, owner);
    } catch (err) {
      if (requested === undefined && attempt < 5 && isAppError(err, 'REGISTRANT_CODE_TAKEN')) {
        continue;
      }
      throw err;
    }
  }
}

async function insertCodeOnce(
  ctx: ServiceContext,
  actor: Actor | null,
  requested: string | undefined,
  allocatedYear: number | undefined,
  owner: { registrantId: string | null; isPool: boolean },
): Promise<RegistrantCodeResponse> {
  try {
    return await withTransaction(ctx, async (tx) => {
      if (owner.registrantId !== null) {
        const registrant = await findRegistrantForUpdate(tx.db, owner.registrantId);
        if (registrant === undefined) {
          throw new AppError('NOT_FOUND');
        }
        if (!holdsRegistrantCodes(registrant.kind)) {
          throw new AppError('REGISTRANT_CODE_NOT_ALLOWED');
        }
      }
      const code = requested === undefined ? suggestRegistrantCode(await allCodesInCountry(tx.db, ctx.countryCode)) : parseCode(requested);
      if (code === undefined) {
        throw new AppError('REGISTRANT_CODES_EXHAUSTED');
      }
      const row = await insertRegistrantCode(tx.db, { countryCode: ctx.countryCode, code, allocatedYear: allocatedYear ?? currentYear(tx), ...owner });
      await recordAudit(tx, actor, {
        action: owner.isPool ? 'pool-code.create' : 'registrant-code.create',
        entityType: 'registrant_code',
        entityId: row.id,
        after: row,
      });
      return toRegistrantCodeResponse(row);
    });
  } catch (err) {
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
      throw new AppError('REGISTRANT_CODE_TAKEN', { code: requested?.toUpperCase() ?? '' });
    }
    throw err;
  }
}

/**
 * Allocates a registrant code to a company or government body (individuals use the pool). A code
 * carried over from an earlier system keeps the year it was allocated then (`allocatedYear`).
 */
export async function addRegistrantCode(ctx: ServiceContext, actor: Actor | null, registrantId: string, code: string | undefined, allocatedYear?: number): Promise<RegistrantCodeResponse> {
  if (actor !== null) {
    // Another registrant's record is "not found" to a member, before any role check.
    if (!canSeeRegistrant(actor, registrantId)) {
      throw new AppError('NOT_FOUND');
    }
    assertCanManage(actor);
  }
  return insertCode(ctx, actor, { code, allocatedYear }, { registrantId, isPool: false });
}

export async function listRegistrantCodes(ctx: ServiceContext, actor: Actor, registrantId: string): Promise<RegistrantCodeResponse[]> {
  await getVisibleRegistrant(ctx, actor, registrantId);
  return (await codesOfRegistrant(ctx.db, registrantId)).map(toRegistrantCodeResponse);
}

/** Adds one of the agency's pool codes, under which individuals' recordings are assigned. */
export async function addPoolCode(ctx: ServiceContext, actor: Actor | null, code: string | undefined, allocatedYear?: number): Promise<RegistrantCodeResponse> {
  if (actor !== null && !canManageSettings(actor)) {
    throw new AppError('FORBIDDEN');
  }
  return insertCode(ctx, actor, { code, allocatedYear }, { registrantId: null, isPool: true });
}

export async function listPoolCodes(ctx: ServiceContext): Promise<RegistrantCodeResponse[]> {
  return (await poolCodes(ctx.db, ctx.countryCode)).map(toRegistrantCodeResponse);
}

/**
 * Corrects the year a code (a registrant's or a pool code) was allocated, e.g. for a code carried
 * over from an earlier system and entered with this year by mistake (administrator, audited).
 * Another registrant's code, or a pool code, is "not found" to a member, before any role check.
 */
export async function updateRegistrantCode(ctx: ServiceContext, actor: Actor, id: string, body: UpdateRegistrantCodeBody): Promise<RegistrantCodeResponse> {
  return withTransaction(ctx, async (tx) => {
    const before = await findRegistrantCodeForUpdate(tx.db, id);
    if (before === undefined || (actor.kind === 'member' && before.registrantId !== actor.registrantId)) {
      throw new AppError('NOT_FOUND');
    }
    if (!isAdmin(actor)) {
      throw new AppError('FORBIDDEN');
    }
    const allocatedYear = checkAllocatedYear(tx, body.allocatedYear);
    const after = await updateRegistrantCodeYear(tx.db, id, allocatedYear);
    if (after === undefined) {
      throw new AppError('NOT_FOUND');
    }
    await recordAudit(tx, actor, {
      action: after.isPool ? 'pool-code.update' : 'registrant-code.update',
      entityType: 'registrant_code',
      entityId: id,
      before,
      after,
    });
    return toRegistrantCodeResponse(after);
  });
}

/**
 * The year a code of this agency was allocated (undefined for a code it does not know), for the
 * public ISRC check: registrant codes and their years are printed on every product, not secrets.
 */
export function allocatedYearOfCode(ctx: ServiceContext, countryCode: string, code: string): Promise<number | undefined> {
  return findAllocatedYear(ctx.db, countryCode, code);
}
