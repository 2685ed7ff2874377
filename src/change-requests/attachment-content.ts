import { readFile } from 'node:fs/promises';
import { CoverImageError, readCoverImage } from '../media/cover-image.js';
import { AppError } from '../shared/errors.js';
import type { SniffedType } from '../storage/content-type.js';

/**
 * A stamped scan's content, checked beyond its first bytes: a JPG or PNG must decode (a cut or
 * damaged scan, or one with more pixels than the server decodes, is refused now rather than found
 * unreadable when the officer opens it), and a PDF must be whole and carry no script.
 */

/** Writers may append a little after `%%EOF` (a newline, padding): the marker is looked for in this tail. */
const PDF_TAIL_BYTES = 1024;

/**
 * The action type of a PDF script. Only the plain spelling in uncompressed objects is seen: this
 * catches what form and office tools write; downloads are served as attachments in a sandbox anyway.
 */
const PDF_SCRIPT = /\/JavaScript(?![A-Za-z0-9])/;

export async function checkAttachmentContent(filePath: string, type: SniffedType): Promise<void> {
  if (type === 'application/pdf') {
    const bytes = await readFile(filePath);
    if (!bytes.subarray(Math.max(0, bytes.length - PDF_TAIL_BYTES)).includes('%%EOF', 0, 'latin1')) {
      throw new AppError('ATTACHMENT_UNREADABLE');
    }
    if (PDF_SCRIPT.test(bytes.toString('latin1'))) {
      throw new AppError('ATTACHMENT_HAS_SCRIPT');
    }
    return;
  }
  if (type === 'image/gif') {
    throw new AppError('FILE_TYPE_NOT_ALLOWED', { allowed: ['PDF', 'JPG', 'PNG'] });
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
