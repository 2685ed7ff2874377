import { describe, expect, it } from 'vitest';
import { ALBUM_FORM_FIELDS, tidyDuration, tidyPartialDate, toAlbumFields, toAlbumFormValues, type AlbumFormValues } from './album-values';
import { savedAlbum } from '../../test-support/catalog-fixtures';

function formValues(overrides: Partial<AlbumFormValues> = {}): AlbumFormValues {
  return {
    releaseType: 'digital',
    title: '',
    credits: [],
    publisher: '',
    releaseDate: '',
    productionCompany: '',
    totalDuration: '',
    introduction: '',
    retroactive: false,
    ...overrides,
  };
}

describe(toAlbumFormValues.name, () => {
  it('shows dates as the guide writes them (2026.03.09) at their own precision', () => {
    expect(toAlbumFormValues(savedAlbum({ releaseDate: '2026-03-09' })).releaseDate).toBe('2026.03.09');
    expect(toAlbumFormValues(savedAlbum({ releaseDate: '2025-09' })).releaseDate).toBe('2025.09');
    expect(toAlbumFormValues(savedAlbum({ releaseDate: '2025' })).releaseDate).toBe('2025');
  });

  it('shows missing text as empty inputs and missing choices as empty selects', () => {
    const values = toAlbumFormValues(
      savedAlbum({ releaseDate: null, totalDuration: null, albumType: null, workCategory: null, mediaForm: null, publicationCategory: null }),
    );
    expect(values.releaseDate).toBe('');
    expect(values.totalDuration).toBe('');
    expect(values.albumType).toBeUndefined();
    expect(values.workCategory).toBeUndefined();
    expect(values.mediaForm).toBeUndefined();
    expect(values.publicationCategory).toBeUndefined();
  });

  it('copies the saved text and choices', () => {
    const values = toAlbumFormValues(savedAlbum({ retroactive: true }));
    expect(values).toMatchObject({
      releaseType: 'physical',
      title: '范特西',
      publisher: '阿爾發音樂',
      productionCompany: '杰威爾音樂',
      totalDuration: '0:42:10',
      albumType: 'solo',
      workCategory: 'sound-recording',
      mediaForm: 'cd',
      publicationCategory: 'popular',
      introduction: '第二張專輯',
      retroactive: true,
    });
  });

  it("opens the credits editor with the album's default roles", () => {
    const values = toAlbumFormValues(
      savedAlbum({
        credits: [
          { role: 'producer', names: ['P'] },
          { role: 'performer', names: ['A', 'B'] },
        ],
      }),
    );
    expect(values.credits).toEqual([
      { role: 'performer', names: ['A', 'B'] },
      { role: 'lyricist', names: [''] },
      { role: 'composer', names: [''] },
      { role: 'arranger', names: [''] },
      { role: 'producer', names: ['P'] },
    ]);
  });
});

describe(toAlbumFields.name, () => {
  it('sends empty optional fields as null, not as empty strings', () => {
    const fields = toAlbumFields(formValues({ releaseDate: '   ', totalDuration: '' }));
    expect(fields.releaseDate).toBeNull();
    expect(fields.totalDuration).toBeNull();
    expect(fields.albumType).toBeNull();
    expect(fields.workCategory).toBeNull();
    expect(fields.mediaForm).toBeNull();
    expect(fields.publicationCategory).toBeNull();
  });

  it('sends a valid release date in stored form, however it was typed', () => {
    expect(toAlbumFields(formValues({ releaseDate: '2026.03.09' })).releaseDate).toBe('2026-03-09');
    expect(toAlbumFields(formValues({ releaseDate: ' 2026/3/9 ' })).releaseDate).toBe('2026-03-09');
    expect(toAlbumFields(formValues({ releaseDate: '2026年3月' })).releaseDate).toBe('2026-03');
    expect(toAlbumFields(formValues({ releaseDate: '2026' })).releaseDate).toBe('2026');
  });

  it('sends an invalid release date as typed (trimmed), for the server to report on the field', () => {
    expect(toAlbumFields(formValues({ releaseDate: ' 2026.02.30 ' })).releaseDate).toBe('2026.02.30');
    expect(toAlbumFields(formValues({ releaseDate: 'next spring' })).releaseDate).toBe('next spring');
  });

  it('sends the duration trimmed, as typed', () => {
    expect(toAlbumFields(formValues({ totalDuration: ' 1:02:05 ' })).totalDuration).toBe('1:02:05');
  });

  it('keeps only codes of each vocabulary', () => {
    const fields = toAlbumFields(formValues({ albumType: 'ep', workCategory: 'music-video', mediaForm: 'vinyl', publicationCategory: 'opera' }));
    expect(fields).toMatchObject({ albumType: 'ep', workCategory: 'music-video', mediaForm: 'vinyl', publicationCategory: 'opera' });
    const wrong = toAlbumFields(formValues({ albumType: 'vinyl', mediaForm: 'solo' }));
    expect(wrong.albumType).toBeNull();
    expect(wrong.mediaForm).toBeNull();
  });

  it('leaves the release type out rather than sending an unknown one', () => {
    expect(toAlbumFields(formValues({ releaseType: 'physical' })).releaseType).toBe('physical');
    expect(toAlbumFields(formValues({ releaseType: '' })).releaseType).toBeUndefined();
    expect(toAlbumFields(formValues({ releaseType: 'streaming' })).releaseType).toBeUndefined();
  });

  it('sends fields the form never set as empty text', () => {
    const sparse = { releaseType: 'digital', retroactive: false } as unknown as AlbumFormValues;
    expect(toAlbumFields(sparse)).toEqual({
      releaseType: 'digital',
      title: '',
      credits: [],
      publisher: '',
      releaseDate: null,
      productionCompany: '',
      totalDuration: null,
      albumType: null,
      workCategory: null,
      mediaForm: null,
      publicationCategory: null,
      introduction: '',
      retroactive: false,
    });
  });

  it('drops credit rows without a role and keeps the order of the rest', () => {
    const fields = toAlbumFields(
      formValues({
        credits: [
          { role: 'composer', names: ['C'] },
          { role: '', names: ['nobody'] },
          { role: 'performer', names: ['A', ''] },
        ],
      }),
    );
    expect(fields.credits).toEqual([
      { role: 'composer', names: ['C'] },
      { role: 'performer', names: ['A', ''] },
    ]);
  });

  it('round-trips a saved album through the form', () => {
    for (const releaseDate of ['2026-03-09', '2025-09', '2025', null]) {
      const album = savedAlbum({ releaseDate, albumType: 'live', mediaForm: null });
      const fields = toAlbumFields(toAlbumFormValues(album));
      expect(fields.releaseDate).toBe(releaseDate);
      expect(fields).toMatchObject({
        releaseType: album.releaseType,
        title: album.title,
        publisher: album.publisher,
        productionCompany: album.productionCompany,
        totalDuration: album.totalDuration,
        albumType: 'live',
        workCategory: album.workCategory,
        mediaForm: null,
        publicationCategory: album.publicationCategory,
        introduction: album.introduction,
        retroactive: album.retroactive,
      });
      expect(fields.credits?.filter((line) => line.names.some((name) => name !== ''))).toEqual(album.credits);
    }
  });
});

describe('ALBUM_FORM_FIELDS', () => {
  it("lists every value of the form, for placing the server's field errors", () => {
    expect([...ALBUM_FORM_FIELDS].sort()).toEqual(Object.keys(toAlbumFormValues(savedAlbum())).sort());
  });
});

describe(tidyPartialDate.name, () => {
  it.each([
    ['2026-3-9', '2026.03.09'],
    ['2026/03/09', '2026.03.09'],
    ['2026年3月9日', '2026.03.09'],
    ['２０２６．３．９', '2026.03.09'],
    [' 2025.9 ', '2025.09'],
    ['2025', '2025'],
  ])('tidies %s to %s', (typed, tidied) => {
    expect(tidyPartialDate(typed)).toBe(tidied);
  });

  it.each([[''], ['2026.13'], ['2026.02.30'], ['tomorrow']])('leaves the invalid %j alone', (typed) => {
    expect(tidyPartialDate(typed)).toBeUndefined();
  });
});

describe(tidyDuration.name, () => {
  it.each([
    ['245', '0:04:05'],
    ['4:05', '0:04:05'],
    ['3725', '1:02:05'],
    ['62:05', '1:02:05'],
    ['1:2:3', '1:02:03'],
    [' 0:04:05 ', '0:04:05'],
  ])('tidies %s to %s', (typed, tidied) => {
    expect(tidyDuration(typed)).toBe(tidied);
  });

  it.each([[''], ['0'], ['4:75'], ['4分5秒']])('leaves the invalid %j alone', (typed) => {
    expect(tidyDuration(typed)).toBeUndefined();
  });
});
