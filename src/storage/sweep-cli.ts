// `npm run sweep`: removes stored objects nothing references and the leftovers of a crash, as a
// running server does every few hours (orphan-sweep.ts). Reads DATABASE_URL / DATA_DIR and the
// storage settings like the server; on the embedded database it takes the data-directory lock, so
// it refuses to run while a server is up. Exit code: 0 done, 2 usage or the sweep broke.
import { ConfigError } from '../config/env.js';
import { withToolContext } from '../bootstrap/tool-context.js';
import { DataDirLockedError } from '../db/pglite-lock.js';
import { ORPHAN_GRACE_MS, sweepOrphans } from './orphan-sweep.js';

const USAGE = `Usage: npm run sweep [-- --grace-hours N]

  Removes stored files (covers, audio, attachments) that nothing refers to any more, files in
  storage that no database row records (a crash mid-commit), storage temporaries and staged
  uploads left by a crash. Only what is older than the grace period goes (default ${ORPHAN_GRACE_MS / 3_600_000} hours,
  at least 1): an upload being committed or an import waiting for 確認匯入 is never touched.

Uses DATABASE_URL or DATA_DIR, FILES_DIR, STAGING_DIR and the STORAGE / S3_* settings as the server
does. On the embedded database (no DATABASE_URL) stop the server first.`;

function graceOf(args: readonly string[]): number | undefined {
  if (args.length === 0) {
    return ORPHAN_GRACE_MS;
  }
  const hours = args.length === 2 && args[0] === '--grace-hours' ? Number(args[1]) : Number.NaN;
  return Number.isInteger(hours) && hours >= 1 ? hours * 3_600_000 : undefined;
}

function run(args: readonly string[]): Promise<number> {
  const graceMs = graceOf(args);
  if (graceMs === undefined) {
    console.log(USAGE);
    return Promise.resolve(args.includes('--help') || args.includes('-h') ? 0 : 2);
  }
  return withToolContext(async (ctx) => {
    const s = await sweepOrphans(ctx, { graceMs });
    console.log(
      `Sweep (older than ${graceMs / 3_600_000} h): ${s.unreferencedRemoved} unreferenced objects, ${s.unrecordedRemoved} unrecorded objects, ` +
        `${s.temporaryRemoved} storage temporaries, ${s.stagedRemoved} staged uploads, ${s.expiredUploadsRemoved} expired resumable uploads removed`,
    );
    return 0;
  });
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof ConfigError || err instanceof DataDirLockedError;
    console.error(known ? `Cannot run the sweep: ${err.message}` : err);
    process.exit(2);
  },
);
