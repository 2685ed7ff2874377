// `npm run fixity`: re-reads every stored object (filesystem or S3, as configured), records a
// fixity event per object and prints a summary with the failing objects and what holds each.
// Reads DATABASE_URL / DATA_DIR and the storage settings like the server; on the embedded
// database it takes the same data-directory lock, so it refuses to run while a server is up.
// Exit code: 0 all passed, 1 some object failed or is missing (or the run broke), 2 usage.
import { ConfigError } from '../config/env.js';
import { withToolContext } from '../bootstrap/tool-context.js';
import { DataDirLockedError } from '../db/pglite-lock.js';
import { isAppError } from '../shared/errors.js';
import { interpolate } from '../shared/locale.js';
import { ERROR_MESSAGES } from '../shared/messages.js';
import type { FixityFailure, FixityReference } from './fixity.schemas.js';
import { fixityRunDetail, runFixity } from './fixity.service.js';

const USAGE = `Usage: npm run fixity

  Re-reads every stored file (covers, audio, deposits, attachments) from the configured storage,
  compares its SHA-256 with the one recorded when it was stored, and records the check per file
  (date, outcome, agent), as the agency's 保存檢核 page does. Prints a summary and every file that
  failed or is missing, with what it belongs to.

Uses DATABASE_URL or DATA_DIR, FILES_DIR and the STORAGE / S3_* settings as the server does. On the
embedded database (no DATABASE_URL) stop the server first: one process per data directory.
Exit code 0 when every file passed, 1 when any failed or is missing.`;

function describeReference(ref: FixityReference): string {
  const album = ref.albumNumber === null ? '' : `album ${ref.albumNumber}`;
  switch (ref.kind) {
    case 'cover':
      return `cover of ${album}`;
    case 'coverThumbnail':
      return `cover thumbnail of ${album}`;
    case 'trackAudio':
      return `audio of ${ref.isrc ?? 'a track'} on ${album}`;
    case 'audioDeposit':
      return `deposited audio of ${ref.isrc ?? 'a track'} (${album})`;
    case 'changeRequest':
      return `attachment of change request ${ref.changeRequestId ?? ''}`;
  }
}

function describeFailure(f: FixityFailure): string {
  const refs = f.references.length === 0 ? 'referenced by nothing' : f.references.map(describeReference).join('; ');
  return `  ${f.outcome.toUpperCase().padEnd(7)} ${f.sha256} (${f.size} bytes, ${f.contentType})\n          ${refs}\n          ${f.detail ?? ''}`;
}

function run(args: readonly string[]): Promise<number> {
  if (args.length > 0) {
    console.log(USAGE);
    return Promise.resolve(args.includes('--help') || args.includes('-h') ? 0 : 2);
  }
  return withToolContext(async (ctx) => {
    const summary = await runFixity(ctx);
    const detail = await fixityRunDetail(ctx, summary.runId);
    console.log(`Fixity run ${summary.runId} (${detail.agent ?? 'no objects'}): ${summary.status}`);
    console.log(`checked ${summary.checked}, passed ${summary.passed}, failed ${summary.failed}, missing ${summary.missing}`);
    if (detail.failures.length > 0) {
      console.log('Objects that failed the check:');
      console.log(detail.failures.map(describeFailure).join('\n'));
    }
    if (summary.error !== null) {
      console.error(`The run stopped: ${summary.error}`);
    }
    return summary.status === 'done' && summary.failed === 0 && summary.missing === 0 ? 0 : 1;
  });
}

function explain(err: unknown): string | undefined {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    return err.message;
  }
  if (isAppError(err)) {
    return interpolate(ERROR_MESSAGES[err.code].en, err.details ?? {});
  }
  return undefined;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = explain(err);
    console.error(message === undefined ? err : `Cannot run the fixity check: ${message}`);
    process.exit(2);
  },
);
