import { Alert, Flex, Result, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { RELEASE_TYPES } from '../../../../src/catalog/vocabularies.js';
import { useCurrentMe } from '../../app/me-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { isApiError } from '../../lib/api-client';
import { useAgency } from '../agency/use-agency';
import { trackPagePath } from '../tracks/paths';
import { TrackTab } from '../tracks/TrackTab';
import { DepositPanel } from '../deposit/DepositPanel';
import { MarcExportButton } from '../marc/MarcExportButton';
import { DdexExportButton } from '../ddex/DdexExportButton';
import { AlbumForm } from './AlbumForm';
import { CoverThumbnail } from './CoverThumbnail';
import { DepositStatusTag, ReviewStatusTag } from './AlbumTags';
import { useAlbum } from './api';
import { useAlbumName } from './album-name';
import { termLabel, useCatalogLocale } from './catalog-locale';
import { SubmissionCheck } from './SubmissionCheck';
import { SubmittedResult } from './SubmittedResult';
import { useSubmission } from './use-submission';
import './catalog-form.css';

function BackToAlbums() {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph className="back-link">
      <Link to="/albums">{t('albums.backToList')}</Link>
    </Typography.Paragraph>
  );
}

function StatusNotes({ album }: { album: AlbumResponse }) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('review');
  if (album.status === 'returned') {
    const trackReasons = (album.returnTrackReasons ?? []).flatMap((r) => {
      const track = album.tracks.find((x) => x.id === r.trackId);
      return track === undefined ? [] : [{ ...r, track }];
    });
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('albums.returnedTitle')}
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: trackReasons.length === 0 ? 0 : 8 }}>
              {t('albums.returnReason', { reason: album.returnReason ?? '—' })}
            </Typography.Paragraph>
            {trackReasons.length === 0 ? null : (
              <>
                <Typography.Text>{tr('registrant.trackReasonsTitle')}</Typography.Text>
                <ul style={{ margin: 0 }}>
                  {trackReasons.map((r) => (
                    <li key={r.trackId}>
                      <Link to={trackPagePath(album.id, r.trackId)}>
                        {tr('registrant.trackReasonItem', { position: r.track.position, title: r.track.recording.title, reason: r.reason })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        }
      />
    );
  }
  if (album.status === 'submitted' || album.status === 'approved') {
    return <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(`albums.locked.${album.status}`)} />;
  }
  return null;
}

function AlbumDetail({ album }: { album: AlbumResponse }) {
  const { t } = useTranslation();
  const { formatDate } = useAgency();
  const locale = useCatalogLocale();
  const me = useCurrentMe();
  const albumName = useAlbumName();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'tracks' ? 'tracks' : 'album';
  const canEdit = album.editable && me.registrant !== null;
  const submission = useSubmission(album);

  const meta = [
    t('albums.meta.number', { number: album.albumNumber }),
    termLabel(RELEASE_TYPES, album.releaseType, locale),
    t('albums.meta.created', { date: formatDate(album.createdAt) }),
    ...(album.submittedAt === null ? [] : [t('albums.meta.submitted', { date: formatDate(album.submittedAt) })]),
  ];

  return (
    <>
      <BackToAlbums />
      <Flex gap="middle" align="center" style={{ marginBottom: 16 }}>
        {album.cover === null ? null : <CoverThumbnail url={album.cover.thumbnailUrl} alt={albumName(album)} size={72} />}
        <div style={{ flex: 1, minWidth: 0 }}>
          <PageTitle
            title={albumName(album)}
            tag={
              <>
                <ReviewStatusTag status={album.status} />
                <DepositStatusTag status={album.depositStatus} />
              </>
            }
          />
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {meta.join(' · ')}
          </Typography.Paragraph>
        </div>
        <MarcExportButton album={album} />
        <DdexExportButton album={album} />
      </Flex>
      <StatusNotes album={album} />
      {submission.submitted !== null ? (
        <SubmittedResult album={submission.submitted} onClose={submission.closeResult} />
      ) : (
        <>
          {submission.checkShown && canEdit ? (
            <SubmissionCheck album={album} problems={submission.problems} headingRef={submission.headingRef} onClose={submission.hideCheck} />
          ) : null}
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams(key === 'tracks' ? { tab: 'tracks' } : {}, { replace: true })}
            items={[
              {
                key: 'album',
                label: t('albums.tabs.album'),
                children: <AlbumForm album={album} canEdit={canEdit} onSubmitRequest={submission.request} submitting={submission.pending} />,
              },
              { key: 'tracks', label: t('albums.tabs.tracks'), children: <TrackTab album={album} canEdit={canEdit} /> },
            ]}
          />
          <DepositPanel album={album} />
        </>
      )}
    </>
  );
}

/** /albums/:id — the album page with its 專輯 and 曲目 tabs. */
export function AlbumDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const album = useAlbum(id);

  if (album.isPending) {
    return <PageLoading />;
  }
  if (album.isError) {
    if (isApiError(album.error) && album.error.status === 404) {
      return (
        <>
          <PageTitle title={t('albums.notFound')} />
          <Result status="404" subTitle={t('albums.notFoundText')} extra={<Link to="/albums">{t('albums.backToList')}</Link>} />
        </>
      );
    }
    return (
      <>
        <BackToAlbums />
        <PageTitle title={t('albums.detailTitle')} />
        <ErrorAlert error={album.error} onRetry={() => void album.refetch()} />
      </>
    );
  }
  return <AlbumDetail key={album.data.id} album={album.data} />;
}
