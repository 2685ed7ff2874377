import { Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportAlbumPreview, ImportProblemView, ImportTrackPreview } from '../../../../src/import/import.schemas.js';
import { currentLanguage } from '../../lib/i18n';
import { creditsText, sortProblems } from './import-format';

/** The tables of 預覽資料: the result table (狀態, 類型, 列, 欄, 訊息), an album's fields and its tracks. */

/** Colours chosen for AA contrast (antd's preset tag colours are too light for text). */
const SEVERITY_STYLES: Record<ImportProblemView['severity'], { color: string; background: string; borderColor: string }> = {
  error: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' },
};

/** Ten rows a page, as every list. */
const PAGE_SIZE = 10;

export function ProblemTable({ problems, catalogue }: { problems: readonly ImportProblemView[]; catalogue: boolean }) {
  const { t } = useTranslation('import');
  const columns: TableColumnsType<ImportProblemView & { key: number }> = [
    {
      title: t('preview.columns.status'),
      dataIndex: 'severity',
      width: 90,
      render: (severity: ImportProblemView['severity']) => <Tag style={SEVERITY_STYLES[severity]}>{t(`preview.severity.${severity}`)}</Tag>,
    },
    { title: t('preview.columns.scope'), dataIndex: 'scope', width: 80, render: (scope: ImportProblemView['scope']) => t(`preview.scope.${scope}`) },
    ...(catalogue ? [{ title: t('preview.columns.albumKey'), dataIndex: 'albumKey', width: 110, render: (key: string | null) => key ?? '' }] : []),
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

/** The album's fields as the guide's preview shows them; `hasCover` undefined: a catalogue, whose covers come later. */
export function AlbumPreview({ album, hasCover }: { album: ImportAlbumPreview | null; hasCover: boolean | undefined }) {
  const { t } = useTranslation('import');
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
  ];
  if (hasCover !== undefined) {
    rows.push(['cover', hasCover ? t('album.coverAttached') : t('album.coverMissing')]);
  }
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={rows.map(([key, value]) => ({ key, label: t(`album.${key as 'title'}`), children: value ?? '' }))}
    />
  );
}

export function TrackPreview({ tracks }: { tracks: readonly ImportTrackPreview[] }) {
  const { t } = useTranslation('import');
  const note = (isrcNote: ImportTrackPreview['isrcNote']) =>
    isrcNote === 'next-available' ? t('tracks.nextAvailable') : isrcNote === 'on-submission' ? t('tracks.onSubmission') : null;
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
