/**
 * Generates src/isrc/country-prefixes.data.ts from the ISRC country-prefix
 * TSV, and keeps a copy of that TSV in src/isrc/data/ so the repository
 * ships the source its data was generated from.
 *
 *   npx tsx scripts/gen-country-prefixes.ts [path-to-tsv]          # regenerate
 *   npx tsx scripts/gen-country-prefixes.ts [path-to-tsv] --check  # exit 1 if stale
 *
 * Without a path it regenerates from the shipped copy. The TSV must start
 * with a "# Source repo: …" header naming where it was transcribed from;
 * that provenance is carried into the generated file.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHIPPED_TSV = resolve(ROOT, 'src/isrc/data/isrc-country-prefixes.tsv');
const OUTPUT = resolve(ROOT, 'src/isrc/country-prefixes.data.ts');

interface Source {
  repo: string;
  path: string;
  commit: string;
  date: string;
}

interface PrefixTable {
  source: Source;
  headerLines: string[];
  allocated: string[];
  retired: string[];
}

const SOURCE_LINE = /^# Source repo: (?<repo>[^,]+), path (?<path>.+), commit (?<commit>[0-9a-f]{40}), DB_DATE (?<date>\d{4}-\d{2}-\d{2})$/;

/** The values end up inside single-quoted TS strings; refuse anything that could break out. */
function safeText(value: string | undefined, what: string): string {
  if (value === undefined || !/^[\w ./():-]+$/.test(value)) {
    throw new Error(`unexpected characters in the header's ${what}: ${String(value)}`);
  }
  return value;
}

export function parsePrefixTsv(text: string): PrefixTable {
  const lines = text.split(/\r?\n/);
  const headerLines = lines.filter((line) => line.startsWith('#'));
  const groups = SOURCE_LINE.exec(headerLines[0] ?? '')?.groups;
  if (groups === undefined) {
    throw new Error('first line must be "# Source repo: <repo>, path <path>, commit <sha>, DB_DATE <yyyy-mm-dd>"');
  }
  const source: Source = {
    repo: safeText(groups.repo, 'repo'),
    path: safeText(groups.path, 'path'),
    commit: safeText(groups.commit, 'commit'),
    date: safeText(groups.date, 'date'),
  };
  const allocated: string[] = [];
  const retired: string[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (line.startsWith('#') || line.trim() === '') {
      return;
    }
    const where = `line ${index + 1}`;
    const [prefix, agency, retiredFlag, ...extra] = line.split('\t');
    if (prefix === undefined || agency === undefined || retiredFlag === undefined || extra.length > 0) {
      throw new Error(`${where}: expected 3 tab-separated columns (prefix, agency-enum, retired)`);
    }
    if (!/^[A-Z]{2}$/.test(prefix)) {
      throw new Error(`${where}: prefix "${prefix}" is not 2 upper-case letters`);
    }
    if (seen.has(prefix)) {
      throw new Error(`${where}: duplicate prefix ${prefix}`);
    }
    seen.add(prefix);
    if (retiredFlag === 'True') {
      retired.push(prefix);
    } else if (retiredFlag === 'False') {
      allocated.push(prefix);
    } else {
      throw new Error(`${where}: retired must be True or False, got "${retiredFlag}"`);
    }
  });
  if (allocated.length === 0) {
    throw new Error('no prefixes found');
  }
  return { source, headerLines, allocated: allocated.sort(), retired: retired.sort() };
}

function quotedList(codes: readonly string[]): string {
  const rows: string[] = [];
  for (let i = 0; i < codes.length; i += 15) {
    rows.push(
      `  ${codes
        .slice(i, i + 15)
        .map((code) => `'${code}'`)
        .join(', ')},`,
    );
  }
  return rows.join('\n');
}

export function renderPrefixModule(table: PrefixTable): string {
  const { source } = table;
  return `// GENERATED FILE - do not edit by hand. Regenerate with
//   npx tsx scripts/gen-country-prefixes.ts <path-to-tsv>
// (a copy of the input is kept in src/isrc/data/isrc-country-prefixes.tsv).
//
// The data is a transcription of the ISRC country prefixes allocated by IFPI
// ("Valid Characters in the ISRC Prefix"), made by a third party, not by IFPI:
//   repo   ${source.repo}
//   path   ${source.path}
//   commit ${source.commit}
//   date   ${source.date} (the transcription's DB_DATE)
// Prefixes IFPI allocated after that date are missing until this is regenerated.
//
// TSV header, verbatim:
${table.headerLines.map((line) => `//   ${line}`).join('\n')}

export const COUNTRY_PREFIX_SOURCE = {
  repo: '${source.repo}',
  path: '${source.path}',
  commit: '${source.commit}',
  date: '${source.date}',
} as const;

/** Prefixes currently allocated (${table.allocated.length}). */
export const ALLOCATED_PREFIXES: readonly string[] = [
${quotedList(table.allocated)}
];

/** Retired prefixes (${table.retired.length}): valid on existing codes, not for new allocations. */
export const RETIRED_PREFIXES: readonly string[] = [
${quotedList(table.retired)}
];
`;
}

function main(args: readonly string[]): void {
  const check = args.includes('--check');
  const input = resolve(args.find((arg) => arg !== '--check') ?? SHIPPED_TSV);
  const text = readFileSync(input, 'utf8');
  const rendered = renderPrefixModule(parsePrefixTsv(text));
  if (check) {
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
    const shipped = existsSync(SHIPPED_TSV) ? readFileSync(SHIPPED_TSV, 'utf8') : '';
    if (current !== rendered || shipped !== text) {
      console.error(`${OUTPUT} or ${SHIPPED_TSV} is out of date; run scripts/gen-country-prefixes.ts ${input}`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(OUTPUT, rendered);
  if (input !== SHIPPED_TSV) {
    copyFileSync(input, SHIPPED_TSV);
  }
  console.log(`wrote ${OUTPUT} from ${input}`);
}

// Only run when executed directly, so the parser can be imported (e.g. by a test).
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
