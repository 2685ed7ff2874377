import { readFile } from 'node:fs/promises';
import { CoverImageError, readCoverImage } from '../media/cover-image.js';
import { AppError } from '../shared/errors.js';
import type { SniffedType } from '../storage/content-type.js';
import { inspectPdf, type PdfFeature } from './pdf-active-content.js';

/**
 * A stamped scan's content, checked beyond its first bytes: a JPG or PNG must decode whole (a cut
 * or damaged scan, or one with more pixels than the server decodes, is refused now rather than
 * found unreadable when the officer opens it), and a PDF must be whole, unencrypted (even a PDF that
 * opens without a password has its object streams encrypted when it restricts printing or copying) and
 * carry nothing but pages: no script, no program to launch, no files or media inside, no XFA form.
 */

/** Writers may append a little after `%%EOF` (a newline, padding): the marker is looked for in this tail. */
const PDF_TAIL_BYTES = 1024;

/** The refusal for a PDF feature a stamped scan never needs (see `pdf-active-content.ts`). */
function refusalOf(features: ReadonlySet<PdfFeature>): AppError | undefined {
  // Encrypted object streams cannot be read, whether or not the file opens without a password: said first.
  if (features.has('encrypted')) {
    return new AppError('ATTACHMENT_ENCRYPTED');
  }
  // Scripts run when the officer opens the file in a reader that allows them.
  if (features.has('script')) {
    return new AppError('ATTACHMENT_HAS_SCRIPT');
  }
  // A launch action starts a program; the actions that submit a form, import data or open another
  // document reach outside the file; files and media inside can be anything, an executable too.
  for (const feature of ['launch', 'submitForm', 'importData', 'remoteGoTo', 'embeddedFile', 'richMedia'] as const) {
    if (features.has(feature)) {
      return new AppError('ATTACHMENT_HAS_EMBEDDED_CONTENT', { feature });
    }
  }
  // An XFA form carries scripts in its XML, out of reach of the check above, and most readers show it blank.
  if (features.has('xfa')) {
    return new AppError('ATTACHMENT_DYNAMIC_FORM');
  }
  return undefined;
}

async function checkPdf(filePath: string): Promise<void> {
  const bytes = await readFile(filePath);
  if (!bytes.subarray(Math.max(0, bytes.length - PDF_TAIL_BYTES)).includes('%%EOF', 0, 'latin1')) {
    throw new AppError('ATTACHMENT_UNREADABLE');
  }
  const inspection = await inspectPdf(bytes);
  if (inspection.kind === 'uncheckable') {
    // A damaged or odd object stream, or a zip bomb: what it holds cannot be vouched for.
    throw new AppError('ATTACHMENT_UNREADABLE');
  }
  const refusal = refusalOf(inspection.features);
  if (refusal !== undefined) {
    throw refusal;
  }
}

export async function checkAttachmentContent(filePath: string, type: SniffedType): Promise<void> {
  if (type === 'application/pdf') {
    await checkPdf(filePath);
    return;
  }
  if (type === 'image/gif') {
    throw new AppError('ATTACHMENT_FORMAT_NOT_ALLOWED', { format: 'GIF', allowed: ['PDF', 'JPG', 'PNG'] });
  }
  try {
    // The thumbnail it makes is thrown away: the decode is the check, bounded like a cover's.
    await readCoverImage(filePath, type);
  } catch (err) {
    if (err instanceof CoverImageError) {
      throw new AppError('ATTACHMENT_UNREADABLE');
    }
    throw err;
  }
}
