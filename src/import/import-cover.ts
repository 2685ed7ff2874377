import { CoverImageError, readCoverImage } from '../media/cover-image.js';
import { coverTypeOf, coverTypeRefusal } from '../media/cover-type.js';
import { MAX_COVER_BYTES } from '../media/covers.schemas.js';
import { AppError } from '../shared/errors.js';
import { stageUpload, type StagedFile, type UploadedFile } from '../storage/staging.js';
import { FileTooLargeError } from '../storage/storage.js';
import { UploadSourceError } from '../storage/upload.js';

/**
 * The cover uploaded with an import file, checked as 上傳專輯封面 checks it (≤ 5 MB while it
 * streams, JPG/PNG/GIF by content, an image that decodes) and kept in staging until the confirm
 * hands it to the covers service. A refusal is one line of the preview, not a failed upload.
 */
export type CheckedCover = { ok: true; staged: StagedFile } | { ok: false; error: AppError };

export async function checkImportCover(stagingDir: string, file: UploadedFile): Promise<CheckedCover> {
  let staged: StagedFile;
  try {
    staged = await stageUpload(file.stream, { dir: stagingDir, maxBytes: MAX_COVER_BYTES });
  } catch (err) {
    if (err instanceof FileTooLargeError) {
      return { ok: false, error: new AppError('COVER_TOO_LARGE') };
    }
    if (err instanceof UploadSourceError) {
      throw new AppError('MALFORMED_REQUEST');
    }
    throw err;
  }
  const refuse = async (error: AppError): Promise<CheckedCover> => {
    await staged.discard();
    return { ok: false, error };
  };
  if (file.truncated()) {
    return refuse(new AppError('COVER_TOO_LARGE'));
  }
  if (staged.size === 0) {
    return refuse(new AppError('FILE_EMPTY'));
  }
  const type = coverTypeOf(staged.head);
  if (type === undefined) {
    return refuse(coverTypeRefusal(staged.head));
  }
  try {
    await readCoverImage(staged.path, type);
  } catch (err) {
    if (err instanceof CoverImageError) {
      return refuse(
        err.problem.kind === 'too-many-pixels' ? new AppError('COVER_IMAGE_TOO_LARGE', { width: err.problem.width, height: err.problem.height }) : new AppError('COVER_IMAGE_UNREADABLE'),
      );
    }
    await staged.discard();
    throw err;
  }
  return { ok: true, staged };
}
