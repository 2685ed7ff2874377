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

/** "1.2 MB", "350 KB": the size beside the cover. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
