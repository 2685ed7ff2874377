import { MAX_COVER_BYTES } from '../../../../src/media/covers.schemas.js';

/** What the form can tell about a chosen cover before uploading it; the server decides by content. */
export type CoverFileProblem = 'tooLarge' | 'wrongType';

const EXTENSIONS = ['.jpg', '.jpeg', '.png', '.gif'];

/** The first problem with a chosen file (name and size only), or undefined. */
export function coverFileProblem(file: { name: string; size: number }): CoverFileProblem | undefined {
  const name = file.name.toLowerCase();
  if (!EXTENSIONS.some((ext) => name.endsWith(ext))) {
    return 'wrongType';
  }
  return file.size > MAX_COVER_BYTES ? 'tooLarge' : undefined;
}

/** The size beside the cover, written as everywhere else. */
export { formatBytes } from '../../../../src/shared/format-bytes.js';
