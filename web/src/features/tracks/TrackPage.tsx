import { Alert, Result, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse, TrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import { useCurrentMe } from '../../app/me-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { isApiError } from '../../lib/api-client';
import { useAlbumName } from '../albums/album-name';
import { ReviewStatusTag } from '../albums/AlbumTags';
import { albumPagePath, useAlbum } from '../albums/api';
import { useOwnRegistrantCodes, useTrack } from './api';
import { TrackForm } from './TrackForm';
import '../albums/catalog-form.css';

function BackToTracks({ album }: { album: Pick<AlbumResponse, 'id' | 'title' | 'albumNumber'> }) {
  const { t } = useTranslation();
  const albumName = useAlbumName();
  return (
    <Typography.Paragraph className="back-link">
      <Link to={albumPagePath(album.id, 'tracks')}>{t('tracks.backToAlbum', { name: albumName(album) })}</Link>
    </Typography.Paragraph>
  );
}

function TrackEditor({ album, track }: { album: AlbumResponse; track: TrackResponse | undefined }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const codes = useOwnRegistrantCodes(me.registrant?.id, !album.isrcAssignedOnSubmission && album.editable).data;
  const cited = track?.cited === true;
  const canEdit = album.editable && me.registrant !== null && !cited;
  const { t: tr } = useTranslation('review');
  const returnReason = track === undefined ? undefined : album.returnTrackReasons?.find((r) => r.trackId === track.id)?.reason;
  const title =
    track === undefined
      ? t('tracks.newTitle')
      : track.recording.title === ''
        ? t('tracks.untitled', { position: track.position })
        : t('tracks.pageTitle', { position: track.position, name: track.recording.title });

  return (
    <>
      <BackToTracks album={album} />
      <PageTitle title={title} tag={<ReviewStatusTag status={album.status} />} />
      {returnReason === undefined ? null : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={tr('registrant.trackAlertTitle')}
          description={tr('registrant.trackReason', { reason: returnReason })}
        />
      )}
      {cited ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('tracks.citedNote')} /> : null}
      {!album.editable ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`albums.locked.${album.status === 'approved' ? 'approved' : 'submitted'}`)}
        />
      ) : null}
      <TrackForm key={track?.id ?? 'new'} album={album} track={track} canEdit={canEdit} codes={codes} />
    </>
  );
}

/** /albums/:id/tracks/:trackId (and /albums/:id/tracks/new): the track form. */
export function TrackPage() {
  const { t } = useTranslation();
  const { id = '', trackId = 'new' } = useParams();
  const isNew = trackId === 'new';
  const album = useAlbum(id);
  const track = useTrack(id, trackId, !isNew);

  if (album.isPending || (!isNew && track.isPending)) {
    return <PageLoading />;
  }
  const error = album.error ?? (isNew ? null : track.error);
  if (error !== null) {
    if (isApiError(error) && error.status === 404) {
      return (
        <>
          <PageTitle title={t('tracks.notFound')} />
          <Result status="404" subTitle={t('tracks.notFoundText')} extra={<Link to="/albums">{t('albums.backToList')}</Link>} />
        </>
      );
    }
    return (
      <>
        <PageTitle title={t('tracks.pageFallbackTitle')} />
        <ErrorAlert error={error} onRetry={() => void (album.isError ? album.refetch() : track.refetch())} />
      </>
    );
  }
  if (album.data === undefined) {
    return <PageLoading />;
  }
  return <TrackEditor album={album.data} track={isNew ? undefined : track.data} />;
}
