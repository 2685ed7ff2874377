import { AppError } from '../shared/errors.js';
import { COVER_TYPES, type CoverType } from '../shared/enums.js';
import { sniffContentType, sniffRefusedImageFormat } from '../storage/content-type.js';

/**
 * What a cover is by its first bytes (上傳專輯封面 and the cover sent with 專輯匯入 alike), and the
 * refusal when it is none of JPG, PNG or GIF: a format a phone or design tool writes (HEIC, WebP,
 * TIFF…) is named, so the registrant knows what to convert.
 */

const ALLOWED = ['JPG', 'PNG', 'GIF'];

export function coverTypeOf(head: Buffer): CoverType | undefined {
  const sniffed = sniffContentType(head);
  return COVER_TYPES.find((t) => t === sniffed);
}

export function coverTypeRefusal(head: Buffer): AppError {
  const format = sniffRefusedImageFormat(head);
  return format === undefined ? new AppError('COVER_TYPE_NOT_ALLOWED', { allowed: ALLOWED }) : new AppError('COVER_FORMAT_NOT_ALLOWED', { format, allowed: ALLOWED });
}
