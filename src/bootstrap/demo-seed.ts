import { createUser } from '../accounts/users.service.js';
import { addPoolCode, addRegistrantCode, listPoolCodes } from '../registrants/registrant-codes.service.js';
import { createRegistrant, hasDemoRegistrants } from '../registrants/registrants.service.js';
import type { ServiceContext } from '../db/context.js';

/** Demo logins are public knowledge: only for trying the system, never on production data. */
export const DEMO_USERS = {
  company: { loginName: 'demo-company', password: 'demo-company-pass' },
  individual: { loginName: 'demo-individual', password: 'demo-individual-pass' },
} as const;

/** Seeds a demo company (with a registrant code) and a demo individual, once. */
export async function seedDemo(ctx: ServiceContext): Promise<boolean> {
  if (await hasDemoRegistrants(ctx)) {
    return false;
  }
  if ((await listPoolCodes(ctx)).length === 0) {
    await addPoolCode(ctx, null, undefined);
  }
  const company = await createRegistrant(
    ctx,
    null,
    { kind: 'company', name: '【示範】星光唱片股份有限公司', contactPerson: '王小明', address: '臺北市中正區中山南路 20 號', phone: '02-2361-9132', email: 'demo-company@example.org' },
    { isDemo: true },
  );
  await addRegistrantCode(ctx, null, company.id, undefined);
  await createUser(ctx, null, { ...DEMO_USERS.company, displayName: '示範公司使用者', role: 'registrant_member', registrantId: company.id });
  const individual = await createRegistrant(
    ctx,
    null,
    { kind: 'individual', name: '【示範】林小華', contactPerson: '林小華', phone: '0912-345-678', email: 'demo-individual@example.org' },
    { isDemo: true },
  );
  await createUser(ctx, null, { ...DEMO_USERS.individual, displayName: '林小華', role: 'registrant_member', registrantId: individual.id });
  return true;
}
