import { actorFor, type Actor } from '../accounts/actor.js';
import { openSession, type RequestOrigin } from '../accounts/auth.service.js';
import { createUser } from '../accounts/users.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ServiceContext, TxContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { notify } from '../notifications/notify.service.js';
import { clientAddressKey } from '../shared/client-address.js';
import { AppError } from '../shared/errors.js';
import { storedLengthProblems } from '../shared/stored-length.js';
import { cleanFields, cleanText } from '../shared/text.js';
import { toApplicationResponse } from './application-view.js';
import { countRecentApplicationsFrom, insertApplication, lockApplicationAddress, type ApplicationRow, type NewApplicationRow } from './applications.repo.js';
import { ReapplyBody, registrationNumberProblem, type ApplicationResponse, type ApplyBody } from './applications.schemas.js';

/**
 * Per-address limit on applications: each one creates an account, so a script must not fill the
 * users table or the officers' queue. Counted from the audit log, so it holds across processes;
 * an IPv6 /64 is one address (shared/client-address.ts).
 * An office behind one address may still file a handful an hour; beyond that, the agency helps.
 */
export const APPLICATION_WINDOW_MINUTES = 60;
export const MAX_APPLICATIONS_PER_ADDRESS = 5;

interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** The rules the schema cannot say: the registration number by kind, the contact person for organisations. */
export function checkFields(body: ReapplyBody): void {
  const problems: FieldProblem[] = [];
  const numberProblem = registrationNumberProblem(body.kind, body.registrationNumber ?? '');
  if (numberProblem !== undefined) {
    problems.push({ field: 'registrationNumber', code: numberProblem });
  }
  if (body.kind !== 'individual' && cleanText(body.contactPerson ?? '') === '') {
    problems.push({ field: 'contactPerson', code: 'required' });
  }
  if (cleanText(body.address) === '') {
    problems.push({ field: 'address', code: 'required' });
  }
  // Each text as stored (NFC can lengthen it) within its schema's limit; the login fields are not in ReapplyBody.
  problems.push(...storedLengthProblems(ReapplyBody, cleanFields(body)));
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', { fields: problems });
  }
}

/**
 * Refuses a 6th application within the hour from one address (an IPv6 /64 counts as one). Runs in
 * the transaction that files the application, after taking the address's lock: requests sent at
 * once are counted one after the other, each seeing those filed before it, never all under the limit.
 */
export async function assertNotThrottled(tx: TxContext, ip: string): Promise<void> {
  if (ip === '') {
    return;
  }
  const key = clientAddressKey(ip);
  await lockApplicationAddress(tx.db, key);
  const recent = await countRecentApplicationsFrom(tx.db, key, APPLICATION_WINDOW_MINUTES);
  if (recent.count >= MAX_APPLICATIONS_PER_ADDRESS) {
    const until = (recent.oldest?.getTime() ?? Date.now()) + APPLICATION_WINDOW_MINUTES * 60_000;
    throw new AppError('APPLICATION_THROTTLED', { retryAfterMinutes: Math.max(1, Math.ceil((until - Date.now()) / 60_000)) });
  }
}

/** The application row for `body`, text cleaned (an individual is their own contact). */
export function applicationValues(body: ReapplyBody, applicantUserId: string): NewApplicationRow {
  const name = cleanText(body.name);
  return {
    kind: body.kind,
    name,
    registrationNumber: body.kind === 'individual' ? '' : cleanText(body.registrationNumber ?? '').toUpperCase(),
    contactPerson: cleanText(body.contactPerson ?? '') || name,
    address: cleanText(body.address),
    phone: cleanText(body.phone),
    email: cleanText(body.email),
    applicantUserId,
  };
}

/** Files an application in the caller's transaction: the row, its audit row, and word to the officers. */
export async function fileApplication(tx: TxContext, actor: Actor, values: NewApplicationRow): Promise<ApplicationRow> {
  const row = await insertApplication(tx.db, values);
  await recordAudit(tx, actor, { action: 'application.submit', entityType: 'registrant_application', entityId: row.id, after: row });
  await notify(tx, { kind: 'application.submitted', audience: { agency: true }, applicationId: row.id, params: { name: row.name } });
  return row;
}

/**
 * 登記者代碼申請 (public): creates the applicant's account (role applicant, no registrant) and the
 * application in one transaction, tells the agency, and signs the applicant in (in the same
 * transaction) so they see its status at once. The password was set just now: no login, so the
 * login throttle (an address's failures, a NAT's neighbours') cannot turn a filed application into
 * a refusal. A taken login name is LOGIN_NAME_TAKEN and leaves nothing behind.
 */
export async function submitApplication(ctx: ServiceContext, body: ApplyBody, origin: RequestOrigin): Promise<{ application: ApplicationResponse; token: string }> {
  checkFields(body);
  const contactPerson = cleanText(body.contactPerson ?? '') || cleanText(body.name);
  return withTransaction(ctx, async (tx) => {
    await assertNotThrottled(tx, origin.ip);
    const user = await createUser(tx, null, {
      loginName: body.loginName,
      displayName: contactPerson,
      email: body.email,
      password: body.password,
      role: 'applicant',
      registrantId: null,
    });
    const actor = actorFor({ id: user.id, role: 'applicant', registrantId: null }, origin.ip);
    const row = await fileApplication(tx, actor, applicationValues(body, user.id));
    const token = await openSession(tx, user, origin);
    return { application: toApplicationResponse({ ...row, loginName: user.loginName }), token };
  });
}
