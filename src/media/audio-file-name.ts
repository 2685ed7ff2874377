import { normaliseIsrc } from '../isrc/index.js';
import { AUDIO_CONTAINERS, type AudioContainer } from '../shared/enums.js';

/**
 * 數位媒體批次上傳: each file is named by its track's ISRC, in any spelling the ISRC core accepts
 * (`TW-A12-26-00001.mp3`, `twa122600001.WAV`, `ISRC TW-A12-26-00001.mp4`), plus `.mp3`, `.wav` or
 * `.mp4` in any case. Pure: the browser may use it to check names before uploading.
 */

export type AudioFileNameRefusal = 'no-extension' | 'extension-not-allowed' | 'not-an-isrc';

export type AudioFileName = { ok: true; isrc: string; extension: AudioContainer } | { ok: false; reason: AudioFileNameRefusal };

function isAudioContainer(text: string): text is AudioContainer {
  return (AUDIO_CONTAINERS as readonly string[]).includes(text);
}

/** The last path segment, whether the browser or client sent `/` or `\` separators. */
export function baseName(name: string): string {
  const parts = name.split(/[/\\]/u);
  return parts[parts.length - 1] ?? '';
}

/**
 * The ISRC (normalised, compact) and container a file's name claims. Any directory part is
 * ignored; the extension is what follows the last dot and must be mp3, wav or mp4 in any case;
 * the rest must be exactly one ISRC.
 */
export function parseAudioFileName(name: string): AudioFileName {
  // NFKC first: a full-width name (ＴＷＡ１２２６００００１．ｍｐ３, typed with a Chinese IME) means the same file name.
  const base = baseName(name.normalize('NFKC')).trim();
  const dot = base.lastIndexOf('.');
  if (dot < 0 || dot === base.length - 1) {
    return { ok: false, reason: 'no-extension' };
  }
  const extension = base.slice(dot + 1).toLowerCase();
  if (!isAudioContainer(extension)) {
    return { ok: false, reason: 'extension-not-allowed' };
  }
  const parsed = normaliseIsrc(base.slice(0, dot));
  if (!parsed.ok) {
    return { ok: false, reason: 'not-an-isrc' };
  }
  return { ok: true, isrc: parsed.value, extension };
}
