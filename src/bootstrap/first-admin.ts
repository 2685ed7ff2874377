import { randomBytes } from 'node:crypto';
import { createUser, hasAnyUser } from '../accounts/users.service.js';
import type { ServiceContext } from '../db/context.js';
import { PASSWORD_MIN_LENGTH } from '../accounts/accounts.schemas.js';
import { ConfigError } from '../config/env.js';
import { isAppError } from '../shared/errors.js';
import { ERROR_MESSAGES } from '../shared/messages.js';

export const FIRST_ADMIN_LOGIN = 'admin';

/**
 * On an empty database, creates the agency administrator `admin`. Returns the generated password
 * when none was configured, so the caller can print it once; undefined otherwise. A generated
 * password has been on a console: it expires at the first login (the server refuses everything
 * but changing it, see http/auth.ts).
 */
export async function ensureFirstAdmin(ctx: ServiceContext, configuredPassword: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
  if (await hasAnyUser(ctx)) {
    return { created: false };
  }
  const password = configuredPassword ?? randomBytes(12).toString('base64url');
  try {
    await createUser(ctx, null, {
      loginName: FIRST_ADMIN_LOGIN,
      displayName: '系統管理者',
      password,
      role: 'agency_admin',
      registrantId: null,
      mustChangePassword: configuredPassword === undefined,
    });
  } catch (err) {
    // Another process starting against the same database won the race.
    if (isAppError(err, 'LOGIN_NAME_TAKEN')) {
      return { created: false };
    }
    // A configured password the policy refuses: one clear start-up message, not a stack trace.
    for (const code of ['PASSWORD_TOO_WEAK', 'PASSWORD_TOO_COMMON', 'PASSWORD_CONTAINS_LOGIN_NAME'] as const) {
      if (isAppError(err, code)) {
        throw new ConfigError(`ISRC_ADMIN_PASSWORD: ${ERROR_MESSAGES[code].en.replace('{minLength}', String(PASSWORD_MIN_LENGTH))}`);
      }
    }
    throw err;
  }
  return configuredPassword === undefined ? { created: true, generatedPassword: password } : { created: true };
}
