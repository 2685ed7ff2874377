/**
 * What a number format shows: a date (to the day, month or year), a time of day or an elapsed
 * time, with or without seconds. Only the first section counts (the one for positive numbers);
 * quoted text, escaped characters, colours, locales and padding are ignored.
 */

export interface FormatKind {
  /** Precision of the date the format shows, or null when it shows no date. */
  date: 'day' | 'month' | 'year' | null;
  /** Hours, minutes or seconds are shown (a time of day or an elapsed time). */
  time: boolean;
  seconds: boolean;
  /** An elapsed time ([h]:mm:ss, [m]:ss): a duration on purpose, not a time of day. */
  elapsed: boolean;
}

const NONE: FormatKind = { date: null, time: false, seconds: false, elapsed: false };

function firstSection(format: string): string {
  let inQuote = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      inQuote = !inQuote;
    } else if (ch === '\\') {
      i += 1;
    } else if (ch === ';' && !inQuote) {
      return format.slice(0, i);
    }
  }
  return format;
}

/** The format's letters with quoted text, escapes, padding and fill removed; [h] [mm] [ss] kept as h m s. */
function tokens(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/a\/p|am\/pm|上午\/下午/gi, 'h')
    .toLowerCase();
}

export function formatKind(format: string | undefined): FormatKind {
  if (format === undefined || format === '' || /^general$/i.test(format) || format === '@') {
    return NONE;
  }
  const section = firstSection(format);
  // Scientific notation's E+ / E- is not an era year.
  const letters = tokens(section)
    .replace(/e[+-]/g, '')
    .replace(/[^ymdhse]/g, '');
  let month = false;
  let minutes = false;
  // m is minutes right after an hour or right before seconds, else a month.
  for (const match of letters.matchAll(/m+/g)) {
    const before = letters[match.index - 1];
    const after = letters[match.index + match[0].length];
    if (before === 'h' || after === 's') {
      minutes = true;
    } else {
      month = true;
    }
  }
  const date = letters.includes('d') ? 'day' : month ? 'month' : /[ye]/.test(letters) ? 'year' : null;
  const seconds = letters.includes('s');
  const elapsed = /\[(?:h+|m+|s+)\]/i.test(section.replace(/"[^"]*"/g, ''));
  return { date, time: letters.includes('h') || minutes || seconds, seconds, elapsed };
}
