import { Card, Descriptions, Flex, Result, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { isApiError } from '../../lib/api-client';
import { useAgency } from '../agency/use-agency';
import { DepositStatusTag, ReviewStatusTag } from '../albums/AlbumTags';
import { CoverThumbnail } from '../albums/CoverThumbnail';
import { useReviewAlbum } from './api';
import { ChangesPanel } from './ChangesPanel';
import { DecisionBar } from './DecisionBar';
import { DdexExportButton } from '../ddex/DdexExportButton';
import { formatDateTime } from './field-values';
import { FindingsList } from './FindingsList';
import { AlbumFieldsView, TrackFieldsView } from './ReviewFields';
import { RoundsHistory } from './RoundsHistory';

function BackToQueue() {
  const { t } = useTranslation('review');
  return (
    <Typography.Paragraph className="back-link">
      <Link to="/review">{t('album.back')}</Link>
    </Typography.Paragraph>
  );
}

/** /review/:id — one album for the officer: registrant, fields, findings, history, changes and the decision. */
export function ReviewAlbumPage() {
  const { t } = useTranslation('review');
  const { id = '' } = useParams();
  const { timeZone } = useAgency();
  const query = useReviewAlbum(id);
  if (query.isPending) {
    return <PageLoading />;
  }
  if (query.isError) {
    return (
      <>
        <BackToQueue />
        <PageTitle title={t('album.notFound')} />
        {isApiError(query.error) && query.error.status === 404 ? (
          <Result status="404" subTitle={t('album.notFound')} />
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </>
    );
  }
  const view = query.data;
  const { album, registrant } = view;
  const codes =
    registrant.codes.length === 0
      ? t('album.noCodes')
      : registrant.codes.map((c) => t('album.codeYear', { code: c.code, year: c.allocatedYear })).join('、');
  return (
    <>
      <BackToQueue />
      <Flex gap="middle" align="center" style={{ marginBottom: 16 }}>
        {album.cover === null ? null : (
          <a href={album.cover.url} target="_blank" rel="noreferrer" aria-label={t('album.coverFull')}>
            <CoverThumbnail url={album.cover.thumbnailUrl} alt={album.title} size={72} />
          </a>
        )}
        <div style={{ flex: 1, minWidth: 0 }}>
          <PageTitle
            title={album.title === '' ? t('queue.untitled') : album.title}
            tag={
              <>
                <ReviewStatusTag status={album.status} />
                <DepositStatusTag status={album.depositStatus} />
              </>
            }
          />
        </div>
        <DdexExportButton album={album} />
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'registrant',
            label: t('album.registrant'),
            children: (
              <Link to={`/admin/registrants/${encodeURIComponent(registrant.id)}`}>{`${registrant.name}（${t(`kind.${registrant.kind}`)}）`}</Link>
            ),
          },
          { key: 'codes', label: t('album.registrantCodes'), children: codes },
          {
            key: 'submitted',
            label: t('album.submittedAt'),
            children: `${formatDateTime(album.submittedAt, timeZone)}${view.round === null ? '' : ` · ${t('album.round', { round: view.round })}`}`,
          },
        ]}
      />
      <DecisionBar view={view} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <FindingsList findings={view.findings} />
        </Card>
        <Card>
          <ChangesPanel changes={view.changes} />
        </Card>
        <Card>
          <AlbumFieldsView album={album} />
        </Card>
        <Card>
          <TrackFieldsView album={album} findings={view.findings} />
        </Card>
        <Card>
          <RoundsHistory view={view} />
        </Card>
      </Space>
    </>
  );
}
