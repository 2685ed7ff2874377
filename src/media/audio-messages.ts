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
  'other-audio-format': {
    'zh-TW': '這個檔案是 {format} 格式，不是 MP3、WAV 或 MP4，更改副檔名無效；請用音訊軟體轉存為 MP3、WAV 或 MP4 後再上傳。',
    en: 'This file is {format}, not MP3, WAV or MP4, and renaming it does not change that; convert it to MP3, WAV or MP4 with your audio software and upload it again.',
  },
  quicktime: {
    'zh-TW': '這是 QuickTime（.mov）影片，不是 MP4，更改副檔名無效；請用影音軟體匯出或轉存為 MP4（H.264 影像、AAC 音訊）後再上傳。',
    en: 'This is a QuickTime (.mov) movie, not MP4, and renaming it does not change that; export or convert it to MP4 (H.264 video, AAC audio) and upload it again.',
  },
  'extension-mismatch': {
    'zh-TW': '檔案內容與副檔名不符（例如 WAV 檔命名為 .mp3），請改用與內容相符的副檔名。',
    en: 'The content does not match the extension (for example a WAV file named .mp3); use the extension of what the file really is.',
  },
  'mpeg-layer-2': {
    'zh-TW': '這是 MPEG Layer II（MP2）音訊，不是 MP3；請轉成 MP3 或 WAV 後再上傳。',
    en: 'This is MPEG Layer II (MP2) audio, not MP3; convert it to MP3 or WAV and upload it again.',
  },
  'mp3-free-format': {
    'zh-TW': '這個 MP3 以「free format」（非標準位元率）編碼，多數播放器與本系統都無法讀取；請以固定位元率（CBR）或變動位元率（VBR）重新編碼為 MP3 後再上傳。',
    en: 'This MP3 is encoded in "free format" (a non-standard bit rate) that most players, and this system, cannot read; encode it again as MP3 at a constant (CBR) or variable (VBR) bit rate and upload it.',
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
  'wav-missing-pad': {
    'zh-TW': 'WAV 檔的區塊結構有誤（奇數長度的區塊少了補齊位元組），標準的讀取程式找不到其後的音訊資料；請以音訊軟體重新匯出 WAV 檔後再上傳。',
    en: 'The WAV file is malformed (an odd-sized chunk lacks its pad byte), so standard readers cannot find the audio after it; export it again from your audio software and upload the new file.',
  },
  'extra-data': {
    'zh-TW': '檔案中除了音訊之外還夾帶其他資料（在音訊之前或之後，例如網頁、文件或壓縮檔），可能是與其他檔案合併而成；請上傳音訊軟體直接匯出的檔案。',
    en: 'The file holds other data besides the audio (before or after it, for example a web page, a document or an archive), as if another file were joined to it; upload the file exactly as your audio software exported it.',
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

/**
 * Extensions producers' tools give to files whose content we accept under another name: the
 * refusal of the name says which extension to use (renaming is all it takes for these).
 */
const SAME_CONTENT_EXTENSIONS: Readonly<Record<string, 'mp4' | 'wav' | 'mp3'>> = { m4a: 'mp4', m4b: 'mp4', m4v: 'mp4', bwf: 'wav', wave: 'wav', rf64: 'wav', mpga: 'mp3' };

/** The hint added to AUDIO_FILE_NAME_INVALID: empty unless the name's extension is one of those. */
export function audioExtensionHint(fileName: unknown, locale: Locale): string {
  const name = typeof fileName === 'string' ? fileName.normalize('NFKC').trim() : '';
  const dot = name.lastIndexOf('.');
  const extension = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  const target = Object.hasOwn(SAME_CONTENT_EXTENSIONS, extension) ? SAME_CONTENT_EXTENSIONS[extension] : undefined;
  if (target === undefined) {
    return '';
  }
  const kind = target === 'mp4' ? 'MP4' : target === 'wav' ? 'WAV' : 'MP3';
  return locale === 'zh-TW'
    ? `.${extension} 檔的內容就是 ${kind}，請將副檔名改為 .${target} 後再上傳。`
    : ` A .${extension} file is ${kind} inside: rename it to .${target} and upload it again.`;
}

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

/** What `{format}` reads when a refusal's details lost the format's name. */
const SOME_FORMAT: Texts = { 'zh-TW': '其他', en: 'in another format' };

/** A refusal's text; `details.format` names the format an other-audio-format file is in. */
export function audioRefusalMessage(reason: AudioRefusal, locale: Locale, details: Readonly<Record<string, unknown>> = {}): string {
  const format = typeof details.format === 'string' ? details.format : SOME_FORMAT[locale];
  return interpolate(AUDIO_REFUSAL_MESSAGES[reason][locale], { format });
}

export function audioFileNameMessage(reason: AudioFileNameRefusal, locale: Locale): string {
  return AUDIO_FILE_NAME_MESSAGES[reason][locale];
}

export function mediaWarningMessage(warning: MediaWarning, locale: Locale): string {
  return interpolate(MEDIA_WARNING_MESSAGES[warning.code][locale], warning.detail);
}
