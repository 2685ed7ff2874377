import type { FormInstance } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { applyApiErrorToForm, revealFirstError, toNamePath } from './form-errors';

type SetFields = FormInstance['setFields'];

function fakeForm() {
  const setFields = vi.fn<SetFields>();
  return { form: { setFields } as unknown as FormInstance, setFields };
}

const validation = (fields: unknown[]) => new ApiError(400, 'VALIDATION_FAILED', '資料有誤', { fields });

describe(toNamePath.name, () => {
  it.each([
    ['title', ['title']],
    ['tracks.2.title', ['tracks', 2, 'title']],
    ['/tracks/2/title', ['tracks', 2, 'title']],
    ['/credits/0/names/10', ['credits', 0, 'names', 10]],
    ['a..b/', ['a', 'b']],
    ['', []],
    ['version2', ['version2']],
  ])('%j → %j', (field, path) => {
    expect(toNamePath(field)).toEqual(path);
  });
});

describe(applyApiErrorToForm.name, () => {
  it('does nothing with an error that is not from the API', () => {
    const { form, setFields } = fakeForm();
    expect(applyApiErrorToForm(form, new Error('boom'), { fields: ['title'] })).toBe(false);
    expect(applyApiErrorToForm(form, 'boom', { fields: ['title'] })).toBe(false);
    expect(setFields).not.toHaveBeenCalled();
  });

  it('puts an error whose code belongs to one field on that field', () => {
    const { form, setFields } = fakeForm();
    const error = new ApiError(409, 'ISRC_TAKEN', '此 ISRC 已被使用');
    const placed = applyApiErrorToForm(form, error, {
      fields: ['isrc', 'title'],
      codeFields: { ISRC_TAKEN: 'isrc', VERSION_SAME_ISRC: 'versionOfIsrc' },
    });
    expect(placed).toBe(true);
    expect(setFields).toHaveBeenCalledExactlyOnceWith([{ name: ['isrc'], errors: ['此 ISRC 已被使用'] }]);
  });

  it('leaves an error without field problems to the caller', () => {
    const { form, setFields } = fakeForm();
    const error = new ApiError(409, 'ALBUM_NOT_EDITABLE', '專輯已送出');
    expect(applyApiErrorToForm(form, error, { fields: ['title'], codeFields: { ISRC_TAKEN: 'isrc' } })).toBe(false);
    expect(setFields).not.toHaveBeenCalled();
  });

  it('places each field problem on its field, messages of one field together', () => {
    const { form, setFields } = fakeForm();
    const error = validation([
      { field: 'title', code: 'maxLength', message: '名稱太長' },
      { field: '/releaseDate', code: 'date', message: '日期格式不正確' },
      { field: 'title', code: 'pattern', message: '名稱含不允許的字元' },
    ]);
    expect(applyApiErrorToForm(form, error, { fields: ['title', 'releaseDate', 'publisher'] })).toBe(true);
    expect(setFields).toHaveBeenCalledExactlyOnceWith([
      { name: ['title'], errors: ['名稱太長', '名稱含不允許的字元'] },
      { name: ['releaseDate'], errors: ['日期格式不正確'] },
    ]);
  });

  it('matches nested fields given as paths or as text', () => {
    const { form, setFields } = fakeForm();
    const error = validation([
      { field: '/tracks/2/title', code: 'required', message: '請輸入曲目名稱' },
      { field: 'owner.email', code: 'format', message: 'Email 格式不正確' },
    ]);
    expect(applyApiErrorToForm(form, error, { fields: [['tracks', 2, 'title'], 'owner.email'] })).toBe(true);
    expect(setFields).toHaveBeenCalledExactlyOnceWith([
      { name: ['tracks', 2, 'title'], errors: ['請輸入曲目名稱'] },
      { name: ['owner', 'email'], errors: ['Email 格式不正確'] },
    ]);
  });

  it('says so when a problem names a field the form does not show, still placing the others', () => {
    const { form, setFields } = fakeForm();
    const error = validation([
      { field: 'credits.0.names.3', code: 'maxLength', message: '姓名太長' },
      { field: 'title', code: 'maxLength', message: '名稱太長' },
    ]);
    // The form shows `credits` as a whole; a path inside it is not one of its fields.
    expect(applyApiErrorToForm(form, error, { fields: ['title', 'credits'] })).toBe(false);
    expect(setFields).toHaveBeenCalledExactlyOnceWith([{ name: ['title'], errors: ['名稱太長'] }]);
  });

  it('does not take a numeric index for a field name of the same text', () => {
    const { form } = fakeForm();
    const error = validation([{ field: 'tracks.2', code: 'x', message: 'm' }]);
    expect(applyApiErrorToForm(form, error, { fields: [['tracks', '2']] })).toBe(false);
    expect(applyApiErrorToForm(form, error, { fields: [['tracks', 2]] })).toBe(true);
  });

  it('ignores malformed field problems', () => {
    const { form, setFields } = fakeForm();
    const error = validation([{ field: 'title' }, { field: 'publisher', code: 'required', message: '請輸入發行公司' }]);
    expect(applyApiErrorToForm(form, error, { fields: ['title', 'publisher'] })).toBe(true);
    expect(setFields).toHaveBeenCalledExactlyOnceWith([{ name: ['publisher'], errors: ['請輸入發行公司'] }]);
  });
});

describe(revealFirstError.name, () => {
  function formWithErrors(fields: { name: (string | number)[]; errors: string[]; shown?: boolean }[]) {
    const scrollToField = vi.fn<FormInstance['scrollToField']>();
    const form = {
      getFieldsError: () => fields.map(({ name, errors }) => ({ name, errors, warnings: [] })),
      getFieldInstance: (name: (string | number)[]) =>
        fields.find((field) => field.name.join('.') === name.join('.'))?.shown === false ? undefined : {},
      scrollToField,
    } as unknown as FormInstance;
    return { form, scrollToField };
  }

  it('scrolls to the first field showing an error, in form order, and focuses it', () => {
    const { form, scrollToField } = formWithErrors([
      { name: ['isrc'], errors: ['ISRC TW-A01-26-00001 已被使用。'] },
      { name: ['title'], errors: [] },
      { name: ['duration'], errors: ['格式不正確'] },
    ]);
    expect(revealFirstError(form)).toEqual(['isrc']);
    expect(scrollToField).toHaveBeenCalledExactlyOnceWith(['isrc'], { block: 'center', focus: true });
  });

  it('skips a field that is not on screen, and says when no shown field has an error', () => {
    const hidden = formWithErrors([
      { name: ['isrc'], errors: ['已被使用'], shown: false },
      { name: ['title'], errors: [] },
    ]);
    expect(revealFirstError(hidden.form)).toBeUndefined();
    expect(hidden.scrollToField).not.toHaveBeenCalled();
  });
});
