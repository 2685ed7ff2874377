import { downloadExport } from '../../lib/download';

/** 匯出 DDEX: the approved album as a DDEX ERN 4.3 NewReleaseMessage (the server names the file). */
export function downloadAlbumDdex(albumId: string, albumNumber: number): Promise<void> {
  return downloadExport(`/albums/${encodeURIComponent(albumId)}/ddex.xml`, {}, `ddex-ern43-${albumNumber}.xml`);
}
