import { Alert, Button, Descriptions, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewResponse, ImportProblemView, ImportTrackPreview } from '../../../../src/import/import.schemas.js';
import { issuanceRule } from '../../../../src/allocation/issuance.policy.js';
import { useCurrentMe } from '../../app/me-context';
import { SectionCard } from '../../components/SectionCard';
import { currentLanguage } from '../../lib/i18n';
import { creditsText, sortProblems } from './import-format';

/** Colours chosen for AA contrast (antd's preset tag colours are too light for text). */
const SEVERITY_STYLES: Record<ImportProblemView['severity'], { color: string; background: string; borderColor: string }> = {
  error: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' },
};

/** Ten rows a page, as every list. */
const PAGE_SIZE = 10;

function ProblemTable({ problems }: { problems: readonly ImportProblemView[] }) {
  const { t } = useTranslation('import');
  const columns: TableColumnsType<ImportProblemView & { key: number }> = [
    {
      title: t('preview.columns.status'),
      dataIndex: 'severity',
      width: 90,
      render: (severity: ImportProblemView['severity']) => <Tag style={SEVERITY_STYLES[severity]}>{t(`preview.severity.${severity}`)}</Tag>,
    },
    { title: t('preview.columns.scope'), dataIndex: 'scope', width: 80, render: (scope: ImportProblemView['scope']) => t(`preview.scope.${scope}`) },
    { title: t('preview.columns.row'), dataIndex: 'row', width: 100, render: (row: number | null) => row ?? t('preview.wholeFile') },
    { title: t('preview.columns.column'), dataIndex: 'column', width: 160, render: (column: string | null) => column ?? '' },
    { title: t('preview.columns.message'), dataIndex: 'message' },
  ];
  if (problems.length === 0) {
    // Plain text rather than the table's pale empty state, which is below AA contrast.
    return <Typography.Paragraph style={{ margin: 0 }}>{t('preview.noProblems')}</Typography.Paragraph>;
  }
  return (
    <Table
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={sortProblems(problems).map((p, key) => ({ ...p, key }))}
      pagination={problems.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false}
    />
  );
}

function AlbumPreview({ preview }: { preview: ImportPreviewResponse }) {
  const { t } = useTranslation('import');
  const { album } = preview;
  if (album === null) {
    return <Typography.Text type="secondary">{t('album.none')}</Typography.Text>;
  }
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  const rows: [string, string | number | null][] = [
    ['releaseType', album.releaseType],
    ['title', album.title],
    ['credits', creditsText(album.credits, currentLanguage())],
    ['publisher', album.publisher],
    ['releaseDate', album.releaseDate],
    ['productionCompany', album.productionCompany],
    ['totalDuration', album.totalDuration],
    ['albumType', album.albumType],
    ['workCategory', album.workCategory],
    ['mediaForm', album.mediaForm],
    ['publicationCategory', album.publicationCategory],
    ['introduction', album.introduction],
    ['retroactive', yesNo(album.retroactive)],
    ['trackCount', album.trackCount],
    ['cover', preview.hasCover ? t('album.coverAttached') : t('album.coverMissing')],
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={rows.map(([key, value]) => ({ key, label: t(`album.${key as 'title'}`), children: value ?? '' }))}
    />
  );
}

function TrackPreview({ tracks }: { tracks: readonly ImportTrackPreview[] }) {
  const { t } = useTranslation('import');
  const me = useCurrentMe();
  // The API marks every empty ISRC 'on-submission'; only pool registrants (individuals) really get one then.
  const onSubmission = me.registrant !== null && issuanceRule(me.registrant.kind).poolOnSubmission;
  const note = (isrcNote: ImportTrackPreview['isrcNote']) =>
    isrcNote === 'next-available' ? t('tracks.nextAvailable') : isrcNote === 'on-submission' && onSubmission ? t('tracks.onSubmission') : null;
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  const columns: TableColumnsType<ImportTrackPreview> = [
    { title: t('tracks.position'), dataIndex: 'position', width: 50 },
    { title: t('tracks.row'), dataIndex: 'row', width: 60 },
    { title: t('tracks.cited'), dataIndex: 'cited', width: 70, render: yesNo },
    {
      title: t('tracks.isrc'),
      dataIndex: 'isrc',
      width: 190,
      render: (isrc: string | null, track) => (
        <>
          <span>{isrc ?? ''}</span>
          {note(track.isrcNote) === null ? null : (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {note(track.isrcNote)}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('tracks.title'), dataIndex: 'title' },
    { title: t('tracks.credits'), key: 'credits', render: (_: unknown, track) => creditsText(track.credits, currentLanguage()) },
    { title: t('tracks.productionCompany'), dataIndex: 'productionCompany' },
    { title: t('tracks.duration'), dataIndex: 'duration', width: 90 },
    { title: t('tracks.recordingDate'), dataIndex: 'recordingDate', width: 110 },
    { title: t('tracks.aiAssisted'), dataIndex: 'aiAssisted', width: 90, render: yesNo },
    { title: t('tracks.producedAbroad'), dataIndex: 'producedAbroad', width: 90, render: yesNo },
    { title: t('tracks.versionType'), dataIndex: 'versionType', render: (v: string | null) => v ?? '' },
  ];
  if (tracks.length === 0) {
    return <Typography.Paragraph style={{ margin: 0 }}>{t('tracks.empty')}</Typography.Paragraph>;
  }
  return (
    <Table
      size="small"
      rowKey="row"
      columns={columns}
      dataSource={[...tracks]}
      scroll={{ x: 1200 }}
      pagination={tracks.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false}
    />
  );
}

/** 預覽資料: the summary, the result table (狀態, 類型, 列, 欄, 訊息), the album and the track preview, 確認匯入. */
export function ImportPreviewView({
  preview,
  expiresText,
  confirming,
  confirmError,
  onConfirm,
  onStartOver,
}: {
  preview: ImportPreviewResponse;
  expiresText: string;
  confirming: boolean;
  confirmError: string | null;
  onConfirm: () => void;
  onStartOver: () => void;
}) {
  const { t } = useTranslation('import');
  const hasErrors = preview.errorCount > 0;
  const albumId = preview.albumIds?.[0];
  const summary = hasErrors
    ? t('preview.summaryErrors', { errors: preview.errorCount, warnings: preview.warningCount })
    : preview.warningCount > 0
      ? t('preview.summaryWarnings', { warnings: preview.warningCount })
      : t('preview.summaryOk');

  const actions =
    albumId === undefined ? (
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
        <Button onClick={onStartOver}>{t('confirm.startOver')}</Button>
        {hasErrors ? (
          <Typography.Text id="import-confirm-note" type="secondary">
            {t('confirm.hasErrors')}
          </Typography.Text>
        ) : null}
      </Flex>
    ) : (
      <Flex gap="middle" wrap align="center">
        <Link to={`/albums/${albumId}`}>{t('confirm.openAlbum')}</Link>
        <Button onClick={onStartOver}>{t('confirm.startOver')}</Button>
      </Flex>
    );

  return (
    <>
      <SectionCard title={t('preview.heading')}>
        <Typography.Paragraph>{t('preview.file', { name: preview.fileName })}</Typography.Paragraph>
        {albumId === undefined ? (
          <Alert
            type={hasErrors ? 'error' : preview.warningCount > 0 ? 'warning' : 'success'}
            showIcon
            title={summary}
            description={expiresText}
            style={{ marginBottom: 16 }}
          />
        ) : (
          <Alert type="success" showIcon title={t('confirm.done')} style={{ marginBottom: 16 }} />
        )}
        {confirmError === null ? null : <Alert type="error" showIcon role="alert" title={confirmError} style={{ marginBottom: 16 }} />}
        {actions}
      </SectionCard>
      <SectionCard title={t('preview.problemsHeading')}>
        <ProblemTable problems={preview.problems} />
      </SectionCard>
      <SectionCard title={t('album.heading')}>
        <AlbumPreview preview={preview} />
      </SectionCard>
      <SectionCard title={t('tracks.heading')}>
        <TrackPreview tracks={preview.tracks} />
      </SectionCard>
    </>
  );
}
