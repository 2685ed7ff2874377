import { AppError } from '../shared/errors.js';
import { BUSY_RETRY_SECONDS } from './upload-locks.js';

/**
 * Per user, the uploads receiving bytes in this process now (by upload id) and how many requests
 * each has in flight. `start` counts a request that carries bytes, or refuses it (UPLOADS_BUSY)
 * when its user already sends `max` uploads at once. Another request for an upload already counted
 * is let through: it is that upload resumed (a dropped connection whose request the server has not
 * seen end yet), and tus hands it the lock by asking the stale request to let go. `start` returns
 * the release, to call once the request is over (calling it again does nothing).
 */
export function uploadsSending(max: number): (userId: string, upload: string) => () => void {
  const sending = new Map<string, Map<string, number>>();
  return (userId, upload) => {
    const mine = sending.get(userId) ?? new Map<string, number>();
    if (!mine.has(upload) && mine.size >= max) {
      throw new AppError('UPLOADS_BUSY', { retryAfterSeconds: BUSY_RETRY_SECONDS });
    }
    mine.set(upload, (mine.get(upload) ?? 0) + 1);
    sending.set(userId, mine);
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      const left = (mine.get(upload) ?? 1) - 1;
      if (left > 0) {
        mine.set(upload, left);
      } else {
        mine.delete(upload);
      }
      if (mine.size === 0 && sending.get(userId) === mine) {
        sending.delete(userId);
      }
    };
  };
}
