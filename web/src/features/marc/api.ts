import { downloadExport } from '../registrants/download';

/**
 * The export formats (src/integration/marc/marc.schemas.ts MARC_FORMATS; the web's import rule admits
 * only schemas one folder below src/, so the two names are repeated here).
 */
export const MARC_FORMATS = ['xml', 'mrc'] as const;
export type MarcFormat = (typeof MARC_FORMATS)[number];

/** 匯出 MARC of one approved album (the server names the file album-<number>.<format>). */
export function downloadAlbumMarc(albumId: string, albumNumber: number, format: MarcFormat): Promise<void> {
  return downloadExport(`/albums/${encodeURIComponent(albumId)}/marc`, { format }, `album-${albumNumber}.${format}`);
}

/** 匯出 MARC of the albums approved on the agency-calendar days from–to (staff). */
export function downloadMarcRange(from: string, to: string, format: MarcFormat): Promise<void> {
  return downloadExport('/marc', { from, to, format }, `marc-${from}_${to}.${format}`);
}
