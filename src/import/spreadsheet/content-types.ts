/**
 * Whether [Content_Types].xml gives a macro-enabled content type to a part the package really
 * holds: an Override names its part; a Default counts only when some part has its extension.
 * SheetJS writes `<Default Extension="bin" ContentType="…binary.macroEnabled.main"/>` into every
 * .xlsx it makes, with no .bin part: such a declaration alone is not a macro.
 */
const TYPE_TAG = /<(?:\w+:)?(Override|Default)\b[^>]*>/g;

export function declaresMacros(contentTypes: string, lowerCaseNames: readonly string[]): boolean {
  for (const [tag, kind] of contentTypes.matchAll(TYPE_TAG)) {
    if (!/\sContentType="[^"]*macroEnabled/i.test(tag)) {
      continue;
    }
    if (kind === 'Override') {
      return true;
    }
    const extension = /\sExtension="([^"]*)"/.exec(tag)?.[1]?.toLowerCase();
    if (extension === undefined || lowerCaseNames.some((name) => name.endsWith(`.${extension}`))) {
      return true;
    }
  }
  return false;
}
