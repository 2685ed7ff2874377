import { describe, expect, it } from 'vitest';
import { LOCALES } from '../shared/locale.js';
import { AUDIO_FILE_NAME_MESSAGES, AUDIO_REFUSAL_MESSAGES, MEDIA_WARNING_MESSAGES, mediaWarningMessage } from './audio-messages.js';

describe('audio messages', () => {
  it('have a non-empty text in every locale for every refusal and warning', () => {
    for (const table of [AUDIO_REFUSAL_MESSAGES, AUDIO_FILE_NAME_MESSAGES, MEDIA_WARNING_MESSAGES]) {
      for (const texts of Object.values(table)) {
        for (const locale of LOCALES) {
          expect(texts[locale].trim()).not.toBe('');
        }
      }
    }
  });

  it('fill a warning from its detail', () => {
    const warning = { code: 'duration-mismatch', detail: { declaredSeconds: 183, fileSeconds: 180.4 } } as const;
    expect(mediaWarningMessage(warning, 'zh-TW')).toBe('檔案長度（180.4 秒）與登錄的曲目長度（183 秒）相差超過 2 秒。');
    expect(mediaWarningMessage({ code: 'isrc-tag-mismatch', detail: { expectedIsrc: 'TWA122600003', tagIsrcs: 'TWA122600001' } }, 'en')).not.toMatch(/[{}]/);
  });
});
