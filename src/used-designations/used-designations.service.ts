import type { Actor } from '../accounts/actor.js';
import { nextAvailable } from '../allocation/sequence.service.js';
import { currentYear, type ServiceContext } from '../db/context.js';
import { buildIsrc, formatDisplay } from '../isrc/isrc.js';
import { twoDigitYear } from '../isrc/year.js';
import { getIssuanceFacts } from '../registrants/registrants.service.js';
import { AppError } from '../shared/errors.js';
import { pageWindow } from '../shared/text.js';
import { compactRanges, countCodes, gapsBetween } from '../isrc/designation-ranges.js';
import { usageRegistrantFor } from './used-designations.policy.js';
import { codeHolders, usageRows, usedCodePage, type CodeHolder, type UsageRow, type UsageScope, type UsedCodeRow } from './used-designations.repo.js';
import {
  RANGE_LIST_LIMIT,
  type CodeUsage,
  type UsageQuery,
  type UsageResponse,
  type UsedCode,
  type UsedCodesExportQuery,
  type UsedCodesPage,
  type UsedCodesQuery,
} from './used-designations.schemas.js';

/** The scope an actor's query reads, with the year it is about. */
export interface ResolvedScope {
  scope: UsageScope;
  year: number;
  currentYear: number;
  /** The registrant's own codes, when the scope is one registrant (shown even while unused). */
  ownCodes: readonly string[];
}

/**
 * Turns a query into the ledger scope the actor may read: members are held to their registrant,
 * staff may name one or none; the year defaults to this year in the agency's time zone.
 */
export async function resolveUsageScope(ctx: ServiceContext, actor: Actor, query: UsedCodesExportQuery): Promise<ResolvedScope> {
  const registrantId = usageRegistrantFor(actor, query.registrantId);
  const thisYear = currentYear(ctx);
  const year = query.year ?? thisYear;
  const registrantCode = query.registrantCode?.toUpperCase();
  let ownCodes: readonly string[] = [];
  if (registrantId !== undefined) {
    const facts = await getIssuanceFacts(ctx, registrantId);
    if (facts === undefined) {
      throw new AppError('NOT_FOUND');
    }
    ownCodes = facts.ownCodes.filter((c) => registrantCode === undefined || c === registrantCode);
  }
  return {
    scope: { countryCode: ctx.countryCode, yearOfReference: twoDigitYear(year), registrantId, registrantCode, status: query.status },
    year,
    currentYear: thisYear,
    ownCodes,
  };
}

function displayOf(countryCode: string, registrantCode: string, yearOfReference: number, designation: number): { isrc: string; display: string } {
  const built = buildIsrc({ countryCode, registrantCode, yearOfReference, designation });
  if (!built.ok) {
    throw new Error(`ledger holds an invalid ISRC: ${registrantCode} ${yearOfReference} ${designation}`);
  }
  return { isrc: built.value, display: formatDisplay(built.value) };
}

async function codeUsage(ctx: ServiceContext, resolved: ResolvedScope, code: string, rows: readonly UsageRow[], holder: CodeHolder | undefined): Promise<CodeUsage> {
  const { scope } = resolved;
  const ranges = compactRanges(rows.map((r) => r.designation));
  const reservedRanges = compactRanges(rows.filter((r) => !r.onRecording).map((r) => r.designation));
  // An individual's share of a pool code: the other codes are other people's, so neither the
  // gaps between this registrant's codes nor the pool's next code say anything about its own use.
  const shared = scope.registrantId !== undefined && holder?.holderId !== scope.registrantId;
  const gaps = shared ? [] : gapsBetween(ranges);
  const reserved = countCodes(reservedRanges);
  let next: CodeUsage['nextAvailable'] = null;
  if (!shared && holder !== undefined && resolved.year === resolved.currentYear) {
    const d = await nextAvailable(ctx, { countryCode: scope.countryCode, registrantCode: code, yearOfReference: scope.yearOfReference });
    next = d === undefined ? null : displayOf(scope.countryCode, code, scope.yearOfReference, d);
  }
  return {
    registrantCode: code,
    pool: holder?.pool ?? false,
    shared,
    holder: holder === undefined || holder.holderId === null || holder.holderName === null ? null : { id: holder.holderId, name: holder.holderName },
    used: rows.length,
    onRecording: rows.length - reserved,
    reserved,
    highest: ranges.at(-1)?.to ?? null,
    ranges: ranges.slice(0, RANGE_LIST_LIMIT),
    rangeCount: ranges.length,
    gaps: gaps.slice(0, RANGE_LIST_LIMIT),
    gapCount: countCodes(gaps),
    reservedRanges: reservedRanges.slice(0, RANGE_LIST_LIMIT),
    nextAvailable: next,
  };
}

/**
 * 年度使用編號查詢, the summary: per registrant code (own codes, and the pool codes an individual's
 * recordings were assigned under) how many designation codes of the year are used, as compact
 * ranges, the gaps below the highest, the codes reserved but on no recording, and next available.
 */
export async function usedDesignationSummary(ctx: ServiceContext, actor: Actor, query: UsageQuery): Promise<UsageResponse> {
  const resolved = await resolveUsageScope(ctx, actor, query);
  const rows = await usageRows(ctx.db, resolved.scope);
  const byCode = new Map<string, UsageRow[]>(resolved.ownCodes.map((c) => [c, []]));
  for (const row of rows) {
    const list = byCode.get(row.registrantCode);
    if (list === undefined) {
      byCode.set(row.registrantCode, [row]);
    } else {
      list.push(row);
    }
  }
  const codes = [...byCode.keys()].sort();
  const holders = new Map((await codeHolders(ctx.db, ctx.countryCode, codes)).map((h) => [h.code, h]));
  const usage: CodeUsage[] = [];
  for (const code of codes) {
    usage.push(await codeUsage(ctx, resolved, code, byCode.get(code) ?? [], holders.get(code)));
  }
  const reserved = usage.reduce((n, c) => n + c.reserved, 0);
  return { year: resolved.year, currentYear: resolved.currentYear, codes: usage, totals: { used: rows.length, onRecording: rows.length - reserved, reserved } };
}

export function toUsedCode(row: UsedCodeRow, countryCode: string, yearOfReference: number): UsedCode {
  return {
    ...displayOf(countryCode, row.registrantCode, yearOfReference, row.designation),
    registrantCode: row.registrantCode,
    designation: row.designation,
    source: row.source,
    status: row.recordingId === null ? 'reserved' : 'onRecording',
    registrant: { id: row.registrantId, name: row.registrantName },
    recording: row.recordingId === null ? null : { id: row.recordingId, title: row.recordingTitle ?? '' },
    album:
      row.albumId === null || row.albumNumber === null || row.trackId === null ? null : { id: row.albumId, albumNumber: row.albumNumber, title: row.albumTitle ?? '', trackId: row.trackId },
  };
}

/** 年度使用編號查詢, the codes: one page of the year's codes with their recording and album. */
export async function listUsedCodes(ctx: ServiceContext, actor: Actor, query: UsedCodesQuery): Promise<UsedCodesPage> {
  const resolved = await resolveUsageScope(ctx, actor, query);
  const { page, pageSize, offset } = pageWindow(query.page, query.pageSize);
  const { rows, total } = await usedCodePage(ctx.db, resolved.scope, { offset, limit: pageSize });
  return { items: rows.map((r) => toUsedCode(r, ctx.countryCode, resolved.scope.yearOfReference)), total, page, pageSize, year: resolved.year };
}
