import { describe, expect, it } from 'vitest';
import { AUDIO_REFUSAL_MESSAGES } from '../media/audio-messages.js';
import { AppError } from '../shared/errors.js';
import { errorBody, statusOf } from './error-handler.js';

describe('AUDIO_REFUSED', () => {
  it('tells the refusal reason in words, in both locales, with 422', () => {
    const err = new AppError('AUDIO_REFUSED', { reason: 'mpeg-layer-2' });
    expect(statusOf('AUDIO_REFUSED')).toBe(422);
    expect(errorBody(err, 'zh-TW').error.message).toContain(AUDIO_REFUSAL_MESSAGES['mpeg-layer-2']['zh-TW']);
    expect(errorBody(err, 'en').error.message).toContain(AUDIO_REFUSAL_MESSAGES['mpeg-layer-2'].en);
    expect(errorBody(err, 'en').error.details).toEqual({ reason: 'mpeg-layer-2' });
  });

  it('has a message for every reason, with nothing left unfilled', () => {
    for (const reason of Object.keys(AUDIO_REFUSAL_MESSAGES)) {
      for (const locale of ['zh-TW', 'en'] as const) {
        expect(errorBody(new AppError('AUDIO_REFUSED', { reason }), locale).error.message).not.toMatch(/[{}]/);
      }
    }
  });
});
