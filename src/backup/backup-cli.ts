// `npm run backup -- [DIR]` and `npm run restore -- DIR`: a full backup (database and every stored
// file, with a manifest of checksums) and its restore into an empty database and storage. Reads
// DATABASE_URL / DATA_DIR and the storage settings like the server. On the embedded database both
// take the data-directory lock, so they refuse to run while a server is up.
// Exit code: 0 done, 1 the backup or restore failed (the message says why), 2 usage.
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/env.js';
import { DataDirLockedError } from '../db/pglite-lock.js';
import { systemClock } from '../shared/clock.js';
import { createStorage } from '../storage/create-storage.js';
import { BackupError } from './backup-manifest.js';
import { createBackup, restoreBackup, type DatabaseLocation } from './backup.service.js';

const USAGE = `Usage: npm run backup -- [DIR]     (default: backups/isrc-<UTC date and time>)
       npm run restore -- DIR

backup  PostgreSQL (DATABASE_URL set): a pg_dump custom-format archive and the list of stored files,
        taken from one snapshot while the server keeps running. Embedded database: a copy of
        DATA_DIR/pg taken with the server stopped (it refuses to run while a server holds DATA_DIR).
        Then every stored file (covers, audio, attachments) is copied out and checked against the
        SHA-256 recorded when it was stored; manifest.json, written last, lists them all.
restore Into an empty database (a new PostgreSQL database, or a DATA_DIR without one) and the
        configured storage; every file is checked against the manifest on the way. Start the server
        afterwards: it applies any newer migrations.`;

const MB = 1024 * 1024;

async function run(args: readonly string[]): Promise<number> {
  const [command, target, ...rest] = args;
  if ((command !== 'backup' && command !== 'restore') || rest.length > 0 || (command === 'restore' && target === undefined) || target?.startsWith('-')) {
    console.log(USAGE);
    return args.includes('--help') || args.includes('-h') ? 0 : 2;
  }
  // A console tool reads its configuration once at start, as main.ts and fixity-cli.ts do.
  // eslint-disable-next-line no-restricted-properties
  const config = loadConfig(process.env);
  const location: DatabaseLocation = config.databaseUrl === undefined ? { kind: 'pglite', dataDir: config.dataDir } : { kind: 'postgres', url: config.databaseUrl };
  const storage = await createStorage(config);
  const now = systemClock.now();
  if (command === 'backup') {
    const dir = path.resolve(target ?? path.join('backups', `isrc-${now.toISOString().replace(/[:.]/g, '-')}`));
    const s = await createBackup(location, storage, dir, now);
    console.log(
      `Backup written to ${s.dir}: the ${s.manifest.database.kind === 'postgres' ? 'PostgreSQL dump' : 'embedded database'} and ${s.manifest.objects.length} stored files (${(s.bytes / MB).toFixed(1)} MB), listed with their SHA-256 in manifest.json.`,
    );
    return 0;
  }
  const dir = path.resolve(target ?? '');
  const manifest = await restoreBackup(location, storage, dir);
  console.log(`Restored the backup of ${manifest.createdAt}: the database and ${manifest.objects.length} stored files, every checksum equal.`);
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof BackupError;
    console.error(known ? `Cannot ${process.argv[2] ?? 'back up'}: ${err.message}` : err);
    process.exit(known ? 1 : 2);
  },
);
