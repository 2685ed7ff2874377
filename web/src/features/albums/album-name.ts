import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';

/** The album's name for headings: its title, or 「未命名專輯（專輯編號 N）」. */
export function useAlbumName() {
  const { t } = useTranslation();
  return (album: Pick<AlbumResponse, 'title' | 'albumNumber'>) =>
    album.title === '' ? t('albums.untitled', { number: album.albumNumber }) : album.title;
}
