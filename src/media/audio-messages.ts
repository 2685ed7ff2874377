import type { MediaWarning } from '../db/schema/media.js';
import { interpolate, type Locale } from '../shared/locale.js';
import type { AudioFileNameRefusal } from './audio-file-name.js';
import type { AudioRefusal } from './audio-probe.js';

/**
 * What the registrant reads when an audio file is refused or warned about, in zh-TW and English.
 * Each refusal says what the file is and what to do; none blames the uploader's software by name.
 */

type Texts = Readonly<Record<Locale, string>>;

export const AUDIO_REFUSAL_MESSAGES: Readonly<Record<AudioRefusal, Texts>> = {
  'not-audio': {
    'zh-TW': '檔案內容不是音訊或影音檔（例如程式、文字檔或其他格式）；僅接受 MP3、WAV 或 MP4，更改副檔名無效。',
    en: 'The file is not audio or video (for example a program, a text file or another format); only MP3, WAV or MP4 is accepted, and renaming does not change that.',
  },
  'extension-mismatch': {
    'zh-TW': '檔案內容與副檔名不符（例如 WAV 檔命名為 .mp3），請改用與內容相符的副檔名。',
    en: 'The content does not match the extension (for example a WAV file named .mp3); use the extension of what the file really is.',
  },
  'mpeg-layer-2': {
    'zh-TW': '這是 MPEG Layer II（MP2）音訊，不是 MP3；請轉成 MP3 或 WAV 後再上傳。',
    en: 'This is MPEG Layer II (MP2) audio, not MP3; convert it to MP3 or WAV and upload it again.',
  },
  'duration-not-backed': {
    'zh-TW': '檔案不完整：檔頭標示的長度超過實際的音訊資料（可能在複製或下載時被截斷），請上傳完整的檔案。',
    en: 'The file is incomplete: its header claims more than the audio data it holds (probably cut off while copying or downloading); upload the complete file.',
  },
  'no-audio-stream': {
    'zh-TW': '檔案中沒有可播放的音軌（例如只有檔頭，或只有影像沒有聲音），請確認檔案內容。',
    en: 'The file has no playable audio track (for example only a header, or video without sound).',
  },
  'wav-without-fmt': {
    'zh-TW': 'WAV 檔缺少格式（fmt）區塊，無法判讀取樣率與聲道；請以音訊軟體重新匯出 WAV 檔。',
    en: 'The WAV file has no format (fmt) chunk, so its sample rate and channels cannot be read; export it again from your audio software.',
  },
  playlist: {
    'zh-TW': '這是播放清單（M3U/HLS），不是音訊檔；請上傳音訊檔本身。',
    en: 'This is a playlist (M3U/HLS), not an audio file; upload the audio file itself.',
  },
  empty: { 'zh-TW': '檔案是空的（0 位元組）。', en: 'The file is empty (0 bytes).' },
  unreadable: {
    'zh-TW': '無法讀取此檔案的音訊內容，檔案可能已損壞；請重新匯出後再上傳。',
    en: 'The audio in this file cannot be read; the file may be damaged. Export it again and upload the new file.',
  },
};

export const AUDIO_FILE_NAME_MESSAGES: Readonly<Record<AudioFileNameRefusal, Texts>> = {
  'no-extension': {
    'zh-TW': '檔名須為曲目的 ISRC 加上副檔名 .mp3、.wav 或 .mp4（例如 TW-A12-26-00001.mp3）。',
    en: "The file name must be the track's ISRC plus .mp3, .wav or .mp4 (for example TW-A12-26-00001.mp3).",
  },
  'extension-not-allowed': {
    'zh-TW': '僅接受副檔名為 .mp3、.wav 或 .mp4 的檔案。',
    en: 'Only files ending in .mp3, .wav or .mp4 are accepted.',
  },
  'not-an-isrc': {
    'zh-TW': '檔名（副檔名之前）須為曲目的 ISRC，例如 TW-A12-26-00001.mp3 或 TWA122600001.wav。',
    en: "The file name before the extension must be the track's ISRC, for example TW-A12-26-00001.mp3 or TWA122600001.wav.",
  },
};

/** Placeholders come from the warning's detail (see mediaWarnings). */
export const MEDIA_WARNING_MESSAGES: Readonly<Record<MediaWarning['code'], Texts>> = {
  'duration-mismatch': {
    'zh-TW': '檔案長度（{fileSeconds} 秒）與登錄的曲目長度（{declaredSeconds} 秒）相差超過 2 秒。',
    en: 'The file lasts {fileSeconds} s, more than 2 s away from the registered duration ({declaredSeconds} s).',
  },
  'isrc-tag-mismatch': {
    'zh-TW': '檔案內嵌的 ISRC（{tagIsrcs}）與此曲目的 ISRC（{expectedIsrc}）不同。',
    en: "The ISRC embedded in the file ({tagIsrcs}) differs from the track's ISRC ({expectedIsrc}).",
  },
};

/** Narrows a value (e.g. an error's `details.reason`) to a refusal reason. */
export function isAudioRefusal(value: unknown): value is AudioRefusal {
  return typeof value === 'string' && Object.hasOwn(AUDIO_REFUSAL_MESSAGES, value);
}

export function audioRefusalMessage(reason: AudioRefusal, locale: Locale): string {
  return AUDIO_REFUSAL_MESSAGES[reason][locale];
}

export function audioFileNameMessage(reason: AudioFileNameRefusal, locale: Locale): string {
  return AUDIO_FILE_NAME_MESSAGES[reason][locale];
}

export function mediaWarningMessage(warning: MediaWarning, locale: Locale): string {
  return interpolate(MEDIA_WARNING_MESSAGES[warning.code][locale], warning.detail);
}
