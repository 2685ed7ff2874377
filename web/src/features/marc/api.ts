import type { MarcFormat } from '../../../../src/integration/marc/marc.schemas.js';
import { downloadExport } from '../../lib/download';

export { MARC_FORMATS, type MarcFormat } from '../../../../src/integration/marc/marc.schemas.js';

/** 匯出 MARC of one approved album (the server names the file album-<number>.<format>). */
export function downloadAlbumMarc(albumId: string, albumNumber: number, format: MarcFormat): Promise<void> {
  return downloadExport(`/albums/${encodeURIComponent(albumId)}/marc`, { format }, `album-${albumNumber}.${format}`);
}

/** 匯出 MARC of the albums approved on the agency-calendar days from–to (staff). */
export function downloadMarcRange(from: string, to: string, format: MarcFormat): Promise<void> {
  return downloadExport('/marc', { from, to, format }, `marc-${from}_${to}.${format}`);
}
