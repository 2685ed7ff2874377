// `npm run admin -- reset-password <login> [--password-stdin]`: gives a user (the administrator who lost
// the password, typically) a new password from the server's console. Reads DATABASE_URL / DATA_DIR
// like the server; on the embedded database it takes the same data-directory lock, so it refuses to
// run while a server is up.
import { randomBytes } from 'node:crypto';
import { resetPasswordFromConsole } from '../accounts/users.service.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { openDatabase } from '../db/client.js';
import { contextFromConfig } from '../db/context.js';
import { DataDirLockedError } from '../db/pglite-lock.js';
import { systemClock } from '../shared/clock.js';
import { isAppError } from '../shared/errors.js';
import { interpolate } from '../shared/locale.js';
import { ERROR_MESSAGES } from '../shared/messages.js';

const USAGE = `Usage: npm run admin -- reset-password <login> [--password-stdin]

  reset-password <login>  Gives the user a new password, ends all its sessions and lifts a login
                          throttle; the user must change the password at the next login.
                          The new password is, in this order:
                            --password-stdin     read from standard input (a pipe; no prompt)
                            ISRC_ADMIN_PASSWORD  when set
                            otherwise generated and printed once.

Uses DATABASE_URL or DATA_DIR as the server does. On the embedded database (no DATABASE_URL)
stop the server first: one process per data directory.`;

class UsageError extends Error {}

interface ResetCommand {
  loginName: string;
  passwordStdin: boolean;
}

function parseArgs(args: readonly string[]): ResetCommand | 'help' {
  if (args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    return 'help';
  }
  const [command, ...rest] = args;
  if (command !== 'reset-password') {
    throw new UsageError(`unknown command "${command ?? ''}"`);
  }
  const unknown = rest.filter((a) => a.startsWith('-') && a !== '--password-stdin');
  if (unknown.length > 0) {
    throw new UsageError(`unknown option ${unknown.join(', ')}`);
  }
  const names = rest.filter((a) => !a.startsWith('-'));
  if (names.length !== 1 || names[0] === undefined || names[0].trim() === '') {
    throw new UsageError('reset-password takes exactly one login name');
  }
  return { loginName: names[0], passwordStdin: rest.includes('--password-stdin') };
}

/** All of standard input, without the one line break `echo` adds. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError('--password-stdin reads a pipe, e.g. printf \'%s\' "$NEW_PASSWORD" | npm run admin -- reset-password admin --password-stdin');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function run(args: readonly string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig(process.env);
  const given = parsed.passwordStdin ? await readStdin() : config.adminPassword;
  const source = parsed.passwordStdin ? 'standard input' : config.adminPassword !== undefined ? 'ISRC_ADMIN_PASSWORD' : undefined;
  const password = given ?? randomBytes(12).toString('base64url');

  const handle = await openDatabase(config.databaseUrl === undefined ? { kind: 'pglite', dataDir: config.dataDir } : { kind: 'postgres', url: config.databaseUrl });
  try {
    await handle.migrate();
    const user = await resetPasswordFromConsole(contextFromConfig(handle.db, systemClock, config), parsed.loginName, password);
    const where = handle.kind === 'pglite' ? config.dataDir : 'PostgreSQL';
    console.log(
      source === undefined
        ? `Password of "${user.loginName}" reset (${where}). New password, shown only this once: ${password}`
        : `Password of "${user.loginName}" reset (${where}) to the one from ${source}.`,
    );
    console.log('The user must change it at the next login; every session of the user has ended.');
    if (user.status === 'suspended') {
      console.log(`Note: "${user.loginName}" is suspended and cannot log in until an administrator reactivates it.`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

function explain(err: unknown): string | undefined {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    return err.message;
  }
  if (isAppError(err, 'NOT_FOUND')) {
    const loginName = err.details?.loginName;
    return `there is no user with the login name "${typeof loginName === 'string' ? loginName : ''}"`;
  }
  if (isAppError(err)) {
    return interpolate(ERROR_MESSAGES[err.code].en, err.details ?? {});
  }
  return undefined;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    const message = explain(err);
    console.error(message === undefined ? err : `Cannot reset the password: ${message}`);
    process.exit(1);
  },
);
