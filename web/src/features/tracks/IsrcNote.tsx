import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse, TrackResponse } from '../../../../src/catalog/catalog.schemas.js';

/** The ISRC when it is not chosen here: individuals (assigned on submission), cited or locked tracks. */
export function IsrcNote({ album, track }: { album: AlbumResponse; track: TrackResponse | undefined }) {
  const { t } = useTranslation();
  const display = track?.recording.isrcDisplay ?? null;
  return (
    <dl className="isrc-note">
      <dt>{t('tracks.fields.isrcNumber')}</dt>
      <dd>
        {display !== null ? (
          <Typography.Text strong>{display}</Typography.Text>
        ) : (
          <Typography.Text>{album.isrcAssignedOnSubmission ? t('tracks.individualNote') : t('tracks.noIsrc')}</Typography.Text>
        )}
      </dd>
    </dl>
  );
}
