import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR, apiErrorFromBody, isApiError } from './api-error';

describe(ApiError.name, () => {
  it('is an Error carrying status, code and details', () => {
    const error = new ApiError(409, 'ISRC_TAKEN', 'ISRC 已被使用', { isrc: 'TWA012600001' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.message).toBe('ISRC 已被使用');
    expect(error.status).toBe(409);
    expect(error.code).toBe('ISRC_TAKEN');
    expect(error.details).toEqual({ isrc: 'TWA012600001' });
  });

  it('has no details unless given', () => {
    expect(new ApiError(0, NETWORK_ERROR, 'offline').details).toEqual({});
  });

  describe('fieldErrors', () => {
    it('lists the per-field problems of a validation answer in order', () => {
      const error = new ApiError(400, 'VALIDATION_FAILED', 'invalid', {
        fields: [
          { field: 'releaseDate', code: 'date', message: '日期格式不正確' },
          { field: 'tracks.2.title', code: 'maxLength', message: '太長' },
        ],
      });
      expect(error.fieldErrors).toEqual([
        { field: 'releaseDate', code: 'date', message: '日期格式不正確' },
        { field: 'tracks.2.title', code: 'maxLength', message: '太長' },
      ]);
    });

    it('skips entries not shaped like a field error', () => {
      const error = new ApiError(400, 'VALIDATION_FAILED', 'invalid', {
        fields: [
          null,
          'title',
          ['title', 'required', 'x'],
          { field: 'title', code: 'required' },
          { field: 'title', code: 3, message: 'x' },
          { field: 'publisher', code: 'required', message: '請輸入發行公司' },
        ],
      });
      expect(error.fieldErrors).toEqual([{ field: 'publisher', code: 'required', message: '請輸入發行公司' }]);
    });

    it.each([[{}], [{ fields: 'title' }], [{ fields: { field: 'title', code: 'required', message: 'x' } }]])('is empty for details %j', (details) => {
      expect(new ApiError(400, 'VALIDATION_FAILED', 'invalid', details).fieldErrors).toEqual([]);
    });
  });
});

describe(apiErrorFromBody.name, () => {
  it('reads our error body', () => {
    const error = apiErrorFromBody(
      422,
      { error: { code: 'ALBUM_INCOMPLETE', message: '專輯尚有 2 個欄位未完成', details: { count: 2, problems: [] } } },
      'fallback',
    );
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.message]).toEqual([422, 'ALBUM_INCOMPLETE', '專輯尚有 2 個欄位未完成']);
    expect(error.details).toEqual({ count: 2, problems: [] });
  });

  it('fills in what a partial error body lacks', () => {
    const error = apiErrorFromBody(500, { error: {} }, '伺服器錯誤');
    expect([error.status, error.code, error.message]).toEqual([500, 'HTTP_500', '伺服器錯誤']);
    expect(error.details).toEqual({});
  });

  it('uses the fallback message for an empty or non-text message', () => {
    expect(apiErrorFromBody(400, { error: { code: 'X', message: '' } }, 'fallback').message).toBe('fallback');
    expect(apiErrorFromBody(400, { error: { code: 'X', message: 42 } }, 'fallback').message).toBe('fallback');
  });

  it('uses HTTP_<status> for a code that is not text', () => {
    expect(apiErrorFromBody(404, { error: { code: 404, message: 'gone' } }, 'fallback').code).toBe('HTTP_404');
  });

  it('ignores details that are not an object', () => {
    expect(apiErrorFromBody(400, { error: { code: 'X', message: 'm', details: ['a'] } }, 'f').details).toEqual({});
    expect(apiErrorFromBody(400, { error: { code: 'X', message: 'm', details: 'a' } }, 'f').details).toEqual({});
    expect(apiErrorFromBody(400, { error: { code: 'X', message: 'm', details: null } }, 'f').details).toEqual({});
  });

  it.each([
    ['no body', undefined],
    ['null', null],
    ['an HTML page', '<html>502 Bad Gateway</html>'],
    ['a list', [{ error: { code: 'X' } }]],
    ['another error shape', { message: 'Not Found', statusCode: 404 }],
    ['an error that is text', { error: 'Bad Gateway' }],
    ['an error that is a list', { error: ['X'] }],
  ])('makes a generic error with the status for %s', (_label, body) => {
    const error = apiErrorFromBody(502, body, '無法連線到伺服器');
    expect([error.status, error.code, error.message]).toEqual([502, 'HTTP_502', '無法連線到伺服器']);
    expect(error.details).toEqual({});
    expect(error.fieldErrors).toEqual([]);
  });
});

describe(isApiError.name, () => {
  const taken = new ApiError(409, 'ISRC_TAKEN', 'taken');

  it('recognises API errors, optionally of one code', () => {
    expect(isApiError(taken)).toBe(true);
    expect(isApiError(taken, 'ISRC_TAKEN')).toBe(true);
    expect(isApiError(taken, 'NOT_FOUND')).toBe(false);
  });

  it('rejects anything else, even when shaped alike', () => {
    expect(isApiError(new Error('taken'))).toBe(false);
    expect(isApiError({ name: 'ApiError', status: 409, code: 'ISRC_TAKEN', message: 'taken', details: {} })).toBe(false);
    expect(isApiError(undefined)).toBe(false);
    expect(isApiError('ISRC_TAKEN', 'ISRC_TAKEN')).toBe(false);
  });
});
