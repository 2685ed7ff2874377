/**
 * How two reports of one recording are recognised: the same title and main performer once
 * spelling noise is removed. Pure and browser-safe. The database query that looks for possible
 * duplicates (review.repo.ts) applies the same steps in SQL, so both sides must agree exactly:
 * Unicode NFKC (full-width letters and punctuation become their plain forms), ASCII letters
 * lower-cased (PostgreSQL's lower() under the C collation does exactly that), then white space and
 * the punctuation below removed.
 */

/** Punctuation removed from titles and names: ASCII, plus CJK marks that NFKC keeps. */
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~、。「」『』《》〈〉【】〔〕・…—–～‧·';

/** The characters that need a backslash inside a bracket expression (in JS and PostgreSQL alike). */
const escapeInClass = (chars: string) => chars.replace(/[\\\][^-]/g, (c) => `\\${c}`);

/** The bracket expression, PostgreSQL flavour (its classes): used by the repository query. */
export const SQL_STRIP_PATTERN = `[[:space:]${escapeInClass(PUNCTUATION)}]`;

/**
 * The whole SQL expression of a title's duplicate key, for the expression index on recordings and
 * the query that must use it: the index is only used when the query spells it exactly the same.
 */
export function sqlDuplicateKeyOf(column: string): string {
  return `regexp_replace(lower(normalize(${column}, NFKC) collate "C"), '${SQL_STRIP_PATTERN.replace(/'/g, "''")}', '', 'g')`;
}

/** [[:space:]] under the C collation: exactly these six. */
const STRIP = new RegExp(`[ \\t\\n\\v\\f\\r${escapeInClass(PUNCTUATION)}]`, 'gu');

/** The comparable form of a title or a name ('' when nothing remains). */
export function duplicateKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(STRIP, '');
}

/** Two durations within this many seconds are taken as one recording's. */
export const DUPLICATE_DURATION_TOLERANCE_SECONDS = 2;

export interface CreditLike {
  role: string;
  names: readonly string[];
}

/** The main performer: the first name of the first 表演者 credit, in comparable form. */
export function mainPerformerKey(credits: readonly CreditLike[]): string {
  const performer = credits.find((c) => c.role === 'performer');
  const name = performer?.names.find((n) => n.trim() !== '');
  return name === undefined ? '' : duplicateKey(name);
}

export interface DuplicateCandidate {
  title: string;
  credits: readonly CreditLike[];
  durationSeconds: number | null;
}

/** Whether two recordings look like one: same title key and main performer, durations within the tolerance. */
export function looksLikeSameRecording(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
  if (a.durationSeconds === null || b.durationSeconds === null) {
    return false;
  }
  const title = duplicateKey(a.title);
  const performer = mainPerformerKey(a.credits);
  return (
    title !== '' &&
    performer !== '' &&
    title === duplicateKey(b.title) &&
    performer === mainPerformerKey(b.credits) &&
    Math.abs(a.durationSeconds - b.durationSeconds) <= DUPLICATE_DURATION_TOLERANCE_SECONDS
  );
}
