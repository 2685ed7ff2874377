/**
 * Whether [Content_Types].xml gives a macro-enabled content type to a part the package really
 * holds: an Override names its part; a Default counts only when some part has its extension.
 * SheetJS writes `<Default Extension="bin" ContentType="…binary.macroEnabled.main"/>` into every
 * .xlsx it makes, with no .bin part: such a declaration alone is not a macro.
 */
// `[^<>]`: a hostile part of unclosed tags must not make every match attempt run to its end.
const TYPE_TAG = /<(?:\w+:)?(Override|Default)\b[^<>]*>/g;
/** An attribute's value, in either quotes and with spaces around `=`, as XML allows and SheetJS reads. */
const attributeValue = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

export function declaresMacros(contentTypes: string, lowerCaseNames: readonly string[]): boolean {
  for (const [tag, kind] of contentTypes.matchAll(TYPE_TAG)) {
    if (!/macroEnabled/i.test(attributeValue(tag, 'ContentType') ?? '')) {
      continue;
    }
    if (kind === 'Override') {
      return true;
    }
    const extension = attributeValue(tag, 'Extension')?.toLowerCase();
    if (extension === undefined || lowerCaseNames.some((name) => name.endsWith(`.${extension}`))) {
      return true;
    }
  }
  return false;
}
