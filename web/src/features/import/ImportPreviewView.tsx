import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewResponse, ImportProgress } from '../../../../src/import/import.schemas.js';
import { SectionCard } from '../../components/SectionCard';
import { CatalogueAlbums } from './CatalogueAlbums';
import { progressPercent } from './import-stream';
import { AlbumPreview, ProblemTable, TrackPreview } from './PreviewTables';

/** How far the confirm is: a bar with percent and the tracks written. */
function ConfirmProgress({ progress }: { progress: ImportProgress | undefined }) {
  const { t } = useTranslation('import');
  const percent = progress === undefined ? 0 : progressPercent(progress);
  return (
    <div className="import-progress" aria-live="polite">
      <Progress percent={percent} status="active" aria-label={t('confirm.progressLabel')} aria-valuetext={`${percent}%`} />
      <Typography.Text type="secondary">
        {progress === undefined || progress.phase !== 'writing'
          ? t('confirm.starting')
          : t('confirm.writing', { done: progress.done, total: progress.total })}
      </Typography.Text>
    </div>
  );
}

/** 預覽資料: the summary, the result table (狀態, 類型, 列, 欄, 訊息), the album and the track preview, 確認匯入. */
export function ImportPreviewView({
  preview,
  expiresText,
  confirming,
  confirmProgress,
  confirmError,
  onConfirm,
  onStartOver,
  pageLoading,
  onAlbumPage,
}: {
  preview: ImportPreviewResponse;
  expiresText: string;
  confirming: boolean;
  confirmProgress: ImportProgress | undefined;
  confirmError: string | null;
  onConfirm: () => void;
  onStartOver: () => void;
  pageLoading: boolean;
  onAlbumPage: (page: number) => void;
}) {
  const { t } = useTranslation('import');
  const hasErrors = preview.errorCount > 0;
  const catalogue = preview.kind === 'catalogue';
  const confirmed = preview.albumIds !== null;
  const albumId = preview.albumIds?.[0];
  const summary = hasErrors
    ? t('preview.summaryErrors', { errors: preview.errorCount, warnings: preview.warningCount })
    : preview.warningCount > 0
      ? t('preview.summaryWarnings', { warnings: preview.warningCount })
      : t('preview.summaryOk');

  const opened =
    catalogue || albumId === undefined ? (
      <Link to="/albums">{t('confirm.openAlbums', { count: preview.albumIds?.length ?? 0 })}</Link>
    ) : (
      <Link to={`/albums/${albumId}`}>{t('confirm.openAlbum')}</Link>
    );
  const actions = !confirmed ? (
    <Flex gap="middle" wrap align="center">
      <Button
        type="primary"
        disabled={hasErrors}
        loading={confirming}
        onClick={onConfirm}
        aria-describedby={hasErrors ? 'import-confirm-note' : undefined}
      >
        {t('confirm.button')}
      </Button>
      <Button onClick={onStartOver} disabled={confirming}>
        {t('confirm.startOver')}
      </Button>
      {hasErrors ? (
        <Typography.Text id="import-confirm-note" type="secondary">
          {t('confirm.hasErrors')}
        </Typography.Text>
      ) : null}
    </Flex>
  ) : (
    <Flex gap="middle" wrap align="center">
      {opened}
      <Button onClick={onStartOver}>{t('confirm.startOver')}</Button>
    </Flex>
  );

  return (
    <>
      <SectionCard title={t('preview.heading')}>
        <Typography.Paragraph>{t('preview.file', { name: preview.fileName })}</Typography.Paragraph>
        {catalogue ? <Typography.Paragraph>{t(confirmed ? 'catalogue.coversAfter' : 'catalogue.coverRule')}</Typography.Paragraph> : null}
        {!confirmed ? (
          <Alert
            type={hasErrors ? 'error' : preview.warningCount > 0 ? 'warning' : 'success'}
            showIcon
            title={summary}
            description={expiresText}
            style={{ marginBottom: 16 }}
          />
        ) : (
          <Alert
            type="success"
            showIcon
            title={catalogue ? t('confirm.doneCatalogue', { count: preview.albumIds?.length ?? 0 }) : t('confirm.done')}
            style={{ marginBottom: 16 }}
          />
        )}
        {confirming && catalogue ? <ConfirmProgress progress={confirmProgress} /> : null}
        {confirmError === null ? null : <Alert type="error" showIcon role="alert" title={confirmError} style={{ marginBottom: 16 }} />}
        {actions}
      </SectionCard>
      <SectionCard title={t('preview.problemsHeading')}>
        <ProblemTable problems={preview.problems} catalogue={catalogue} />
      </SectionCard>
      {catalogue ? (
        <SectionCard title={t('catalogue.heading')}>
          <CatalogueAlbums preview={preview} loading={pageLoading} onPage={onAlbumPage} />
        </SectionCard>
      ) : (
        <>
          <SectionCard title={t('album.heading')}>
            <AlbumPreview album={preview.album} hasCover={preview.hasCover} />
          </SectionCard>
          <SectionCard title={t('tracks.heading')}>
            <TrackPreview tracks={preview.tracks} />
          </SectionCard>
        </>
      )}
    </>
  );
}
