/**
 * An independent XML reader for export tests: libxml2's xmllint (Debian libxml2-utils, installed by
 * .ci/run), so a message is checked by something other than the code that wrote it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A document written to a temporary file, read back with XPath and validated against a schema. */
export interface XmlFile {
  readonly file: string;
  /** xmllint --schema: the whole output (empty lines removed) and whether it validated. */
  validate(schema: string): { valid: boolean; output: string };
  /** The string value of an XPath expression (xmllint's string(), unescaped). */
  text(expr: string): string;
  /** The string value of every node the expression selects, in document order. */
  texts(expr: string): string[];
  remove(): void;
}

function xpath(file: string, expr: string): string {
  const run = spawnSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' });
  // Status 10: the XPath selected nothing (an empty text node); the value is then empty.
  if (run.status !== 0 && run.status !== 10) {
    throw new Error(`xmllint --xpath ${expr}: ${run.stderr}`);
  }
  return run.stdout;
}

/** Text as xmllint serialises it: only these five references appear in our messages' text. */
function unescapeXml(value: string): string {
  return value.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

export function xmlFile(xml: string, name = 'message.xml'): XmlFile {
  const dir = mkdtempSync(path.join(tmpdir(), 'isrc-xml-'));
  const file = path.join(dir, name);
  writeFileSync(file, xml, 'utf8');
  // xmllint ends what it prints with a line break; the value itself is what precedes it.
  const text = (expr: string) => xpath(file, `string(${expr})`).replace(/\n$/, '');
  return {
    file,
    validate(schema) {
      const run = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
      return { valid: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
    },
    text,
    texts(expr) {
      const count = Number(xpath(file, `count(${expr})`));
      if (count === 0) {
        return [];
      }
      if (!expr.includes('@')) {
        // One run for all elements: xmllint prints each text node on a line of its own, escaped as in XML.
        // Taken only when the line count matches (no value spans lines and none is empty).
        const lines = xpath(file, `${expr}/text()`).replace(/\n$/, '').split('\n').map(unescapeXml);
        if (lines.length === count) {
          return lines;
        }
      }
      return Array.from({ length: count }, (_, i) => text(`(${expr})[${String(i + 1)}]`));
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
