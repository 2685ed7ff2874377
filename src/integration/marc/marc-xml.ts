import { leaderFor } from './marc-iso2709.js';
import type { MarcRecord } from './marc-record.js';

/** The MARC 21 XML schema's namespace (MARCXML, http://www.loc.gov/standards/marcxml/). */
export const MARCXML_NAMESPACE = 'http://www.loc.gov/MARC21/slim';

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function recordXml(record: MarcRecord): string {
  const lines = [
    '  <record>',
    // The same leader the ISO 2709 file carries, so both formats describe the same record.
    `    <leader>${escapeXml(leaderFor(record))}</leader>`,
    ...record.controlFields.map((f) => `    <controlfield tag="${f.tag}">${escapeXml(f.value)}</controlfield>`),
    ...record.dataFields.flatMap((f) => [
      `    <datafield tag="${f.tag}" ind1="${escapeXml(f.ind1)}" ind2="${escapeXml(f.ind2)}">`,
      ...f.subfields.map((s) => `      <subfield code="${escapeXml(s.code)}">${escapeXml(s.value)}</subfield>`),
      '    </datafield>',
    ]),
    '  </record>',
  ];
  return lines.join('\n');
}

/** A MARCXML collection of the records, UTF-8. Values were cleaned of control characters by the builder. */
export function toMarcXml(records: readonly MarcRecord[]): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<collection xmlns="${MARCXML_NAMESPACE}">`, ...records.map(recordXml), '</collection>', ''].join('\n');
}
