import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/errors.js';
import { uploadsSending } from './uploads-sending.js';

const refusal = (run: () => unknown): unknown => {
  try {
    run();
    return undefined;
  } catch (err) {
    return err;
  }
};

describe(uploadsSending.name, () => {
  it('takes up to max uploads per user, lets a resumed one through, and frees a slot once per release', () => {
    const start = uploadsSending(2);
    const a = start('u1', 'a');
    start('u1', 'b');
    expect(
      isAppError(
        refusal(() => start('u1', 'c')),
        'UPLOADS_BUSY',
      ),
    ).toBe(true);
    // The same upload again (a resume before the old request ended) and another user: not counted against u1.
    const aAgain = start('u1', 'a');
    start('u2', 'c');
    aAgain();
    expect(
      isAppError(
        refusal(() => start('u1', 'c')),
        'UPLOADS_BUSY',
      ),
    ).toBe(true);
    a();
    a();
    start('u1', 'c');
    expect(
      isAppError(
        refusal(() => start('u1', 'd')),
        'UPLOADS_BUSY',
      ),
    ).toBe(true);
  });
});
