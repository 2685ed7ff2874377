import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.js';
import { parseAlbumFields, parseRecordingFields } from './catalog-input.js';

// The schemas' maxLength is checked on the request as sent; NFC can lengthen text afterwards
// (U+1D160 MUSICAL SYMBOL EIGHTH NOTE is one code point sent, three stored; U+FB2C likewise),
// so the same limits are held again on the text as stored.
const NOTE = '\u{1D160}';
const SHIN = '\uFB2C';

function fieldErrors(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).details;
  }
  throw new Error('expected VALIDATION_FAILED');
}

describe('length limits on the text as stored', () => {
  it('refuses an album title and a credit name that NFC makes longer than their limits', () => {
    expect(NOTE.normalize('NFC')).toHaveLength(6);
    const details = fieldErrors(() => parseAlbumFields({ title: NOTE.repeat(500), credits: [{ role: 'performer', names: ['歌手', SHIN.repeat(200)] }] }, 2026));
    expect(details).toEqual({
      fields: [
        { field: 'title', code: 'maxLength', params: { limit: 500 } },
        { field: 'credits.0.names.1', code: 'maxLength', params: { limit: 200 } },
      ],
    });
  });

  it('refuses recording text fields the same way, with the limit each field declares', () => {
    const details = fieldErrors(() => parseRecordingFields({ title: '曲', description: NOTE.repeat(2000), productionCompany: SHIN.repeat(150) }, 2026));
    expect(details).toEqual({
      fields: [
        { field: 'description', code: 'maxLength', params: { limit: 5000 } },
        { field: 'productionCompany', code: 'maxLength', params: { limit: 300 } },
      ],
    });
  });

  it('keeps text at the limit once stored, counting code points as the request check does', () => {
    const title = '𝄞'.repeat(500); // astral but stable under NFC: 500 code points, 1000 UTF-16 units
    expect(parseAlbumFields({ title: `  ${title}  `, publisher: 'e\u0301'.repeat(150) }, 2026)).toMatchObject({ title, publisher: 'é'.repeat(150) });
    expect(parseRecordingFields({ credits: [{ role: 'composer', names: [SHIN.repeat(66)] }] }, 2026).credits?.[0]?.names[0]).toHaveLength(198);
  });
});
