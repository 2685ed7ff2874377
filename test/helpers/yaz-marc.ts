/**
 * Reads MARC records back with an independent reader, `yaz-marcdump` (Debian `yaz`), the way a
 * library system would load them: ISO 2709 via `-i marc`, MARCXML via `-i marcxml`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface YazField {
  tag: string;
  /** Control fields: the value; data fields: the two indicators. */
  value: string;
  subfields: { code: string; value: string }[];
}

export interface YazRecord {
  leader: string;
  fields: YazField[];
}

export interface YazReading {
  records: YazRecord[];
  /** Everything yaz-marcdump wrote to stderr, for every command run (must be empty). */
  stderr: string;
  /** Lines yaz-marcdump put in its output about damaged records, e.g. "(No separator at end of field …)". */
  diagnostics: string[];
  /** The ISO 2709 input converted to MARCXML by yaz (for .mrc input), else the input. */
  marcxml: string;
}

function parseLine(line: string): YazField {
  const tag = line.slice(0, 3);
  if (tag < '010') {
    return { tag, value: line.slice(4), subfields: [] };
  }
  const indicators = line.slice(4, 6);
  const subfields = line
    .slice(7)
    .split(/(?:^| )\$(?=[a-z0-9] )/)
    .filter((part) => part !== '')
    .map((part) => ({ code: part.slice(0, 1), value: part.slice(2) }));
  return { tag, value: indicators, subfields };
}

function parseLines(text: string): { records: YazRecord[]; diagnostics: string[] } {
  const diagnostics: string[] = [];
  const records: YazRecord[] = [];
  for (const block of text.split(/\n\n+/)) {
    const lines = block.split('\n').filter((l) => l !== '');
    diagnostics.push(...lines.filter((l) => l.startsWith('(')));
    const [leader, ...rest] = lines.filter((l) => !l.startsWith('('));
    if (leader !== undefined) {
      records.push({ leader, fields: rest.map(parseLine) });
    }
  }
  return { records, diagnostics };
}

async function yaz(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('yaz-marcdump', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Writes the export to a file and reads it with yaz-marcdump, both to MARCXML (ISO 2709 only) and to its line format. */
export async function readWithYaz(content: Uint8Array | string, format: 'mrc' | 'xml'): Promise<YazReading> {
  const dir = mkdtempSync(path.join(tmpdir(), 'marc-yaz-'));
  try {
    const file = path.join(dir, `export.${format}`);
    writeFileSync(file, content);
    if (format === 'mrc') {
      const xml = await yaz(['-i', 'marc', '-o', 'marcxml', file]);
      const line = await yaz(['-i', 'marc', '-o', 'line', file]);
      return { ...parseLines(line.stdout), stderr: xml.stderr + line.stderr, marcxml: xml.stdout };
    }
    const line = await yaz(['-i', 'marcxml', '-o', 'line', file]);
    return { ...parseLines(line.stdout), stderr: line.stderr, marcxml: typeof content === 'string' ? content : Buffer.from(content).toString('utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The values of subfield `code` of every `tag` field. */
export function subfieldValues(record: YazRecord, tag: string, code: string): string[] {
  return record.fields.filter((f) => f.tag === tag).flatMap((f) => f.subfields.filter((s) => s.code === code).map((s) => s.value));
}

/**
 * An independent check of the ISO 2709 structure yaz-marcdump tolerates: each record's length
 * (leader 0–4) is its size in bytes, ending in the record terminator, and every directory entry
 * points at a field that ends with the field terminator.
 */
export function iso2709Problems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const buf = Buffer.from(bytes);
  let at = 0;
  while (at < buf.length) {
    const length = Number(buf.subarray(at, at + 5).toString('latin1'));
    const base = Number(buf.subarray(at + 12, at + 17).toString('latin1'));
    if (!Number.isInteger(length) || length < 25 || buf[at + length - 1] !== 0x1d) {
      problems.push(`record at ${at}: length ${length} does not end at a record terminator`);
      break;
    }
    if (buf[at + base - 1] !== 0x1e) {
      problems.push(`record at ${at}: base address ${base} does not follow the directory`);
    }
    for (let entry = at + 24; entry < at + base - 1; entry += 12) {
      const tag = buf.subarray(entry, entry + 3).toString('latin1');
      const fieldLength = Number(buf.subarray(entry + 3, entry + 7).toString('latin1'));
      const start = Number(buf.subarray(entry + 7, entry + 12).toString('latin1'));
      if (buf[at + base + start + fieldLength - 1] !== 0x1e) {
        problems.push(`record at ${at}: field ${tag} does not end where its directory entry says`);
      }
    }
    at += length;
  }
  return problems;
}
