import { describe, expect, it } from 'vitest';
import { parseErrorBody, parseUploadOutcome } from './upload-outcome';

describe(parseUploadOutcome.name, () => {
  it('reads a stored file with its warnings', () => {
    const body = JSON.stringify({
      fileName: 'TWA011800001.wav',
      status: 'stored',
      trackId: 't1',
      isrc: 'TWA011800001',
      warnings: [{ code: 'DURATION_DIFFERS', message: '長度不同' }, { bad: 1 }],
    });
    expect(parseUploadOutcome(body)).toEqual({
      fileName: 'TWA011800001.wav',
      status: 'stored',
      trackId: 't1',
      isrc: 'TWA011800001',
      warnings: [{ code: 'DURATION_DIFFERS', message: '長度不同' }],
    });
  });

  it('reads a refused file with the server message', () => {
    const body = JSON.stringify({ fileName: 'x.mp3', status: 'refused', code: 'AUDIO_TYPE_MISMATCH', message: '檔案內容不是 mp3', warnings: [] });
    expect(parseUploadOutcome(body)).toEqual({
      fileName: 'x.mp3',
      status: 'refused',
      code: 'AUDIO_TYPE_MISMATCH',
      message: '檔案內容不是 mp3',
      warnings: [],
    });
  });

  it.each(['', 'not json', '[]', '{"status":"done"}'])('gives null for %j', (body) => {
    expect(parseUploadOutcome(body)).toBeNull();
  });
});

describe(parseErrorBody.name, () => {
  it('reads the API error shape only', () => {
    expect(parseErrorBody('{"error":{"code":"FILE_TOO_LARGE","message":"檔案過大"}}')).toEqual({ code: 'FILE_TOO_LARGE', message: '檔案過大' });
    expect(parseErrorBody('{"error":"x"}')).toBeNull();
    expect(parseErrorBody('<html>')).toBeNull();
  });
});
