import { Descriptions, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse, AlbumTrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import type { FindingResponse } from '../../../../src/review/review.schemas.js';
import { useCatalogLocale } from '../albums/catalog-locale';
import { AudioDetails } from '../media/AudioDetails';
import { formatFieldValue } from './field-values';
import { SeverityTag } from './FindingsList';

const ALBUM_FIELDS = [
  'title',
  'releaseType',
  'credits',
  'publisher',
  'releaseDate',
  'productionCompany',
  'totalDuration',
  'albumType',
  'workCategory',
  'mediaForm',
  'publicationCategory',
  'retroactive',
  'introduction',
] as const;
const TRACK_FIELDS = [
  'storyTitle',
  'episode',
  'theme',
  'playTitle',
  'description',
  'productionCompany',
  'recordingDate',
  'aiAssisted',
  'producedAbroad',
  'versionType',
  'versionOfIsrc',
] as const;

function useFormat() {
  const { t } = useTranslation('review');
  const locale = useCatalogLocale();
  const yesNo = { yes: t('album.yes'), no: t('album.no') };
  return (field: string, value: unknown) => formatFieldValue(field, value, locale, yesNo);
}

/** Every album field the registrant reported. */
export function AlbumFieldsView({ album }: { album: AlbumResponse }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  return (
    <section aria-labelledby="album-fields-heading">
      <h2 id="album-fields-heading" style={{ fontSize: 18 }}>
        {t('album.albumFields')}
      </h2>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={ALBUM_FIELDS.map((f) => ({ key: f, label: t(`fields.${f}`), children: format(f, album[f]) }))}
      />
    </section>
  );
}

/** Every track with every field: the main ones as columns, the rest in the expanded row; findings beside the track. */
export function TrackFieldsView({ album, findings }: { album: AlbumResponse; findings: readonly FindingResponse[] }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const locale = useCatalogLocale();
  const columns: TableColumnsType<AlbumTrackResponse> = [
    { title: t('fields.position'), dataIndex: 'position', width: 64 },
    { title: t('fields.isrc'), key: 'isrc', render: (_v, row) => row.recording.isrcDisplay ?? '—' },
    { title: t('fields.title'), key: 'title', render: (_v, row) => format('title', row.recording.title) },
    { title: t('fields.credits'), key: 'credits', render: (_v, row) => format('credits', row.recording.credits) },
    { title: t('fields.duration'), key: 'duration', render: (_v, row) => format('duration', row.recording.duration) },
    { title: t('fields.cited'), key: 'cited', render: (_v, row) => format('cited', row.cited) },
    {
      title: t('findings.heading'),
      key: 'findings',
      render: (_v, row) =>
        findings
          .filter((f) => f.trackId === row.id)
          .map((f) => (
            <Typography.Paragraph key={f.code + f.message.en} style={{ marginBottom: 4 }}>
              <SeverityTag severity={f.severity} />
              {f.message[locale]}
            </Typography.Paragraph>
          )),
    },
  ];
  return (
    <section aria-labelledby="track-fields-heading">
      <h2 id="track-fields-heading" style={{ fontSize: 18 }}>
        {t('album.tracks')}
      </h2>
      <Table<AlbumTrackResponse>
        scroll={{ x: 720 }}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={album.tracks}
        pagination={false}
        expandable={{
          defaultExpandAllRows: album.tracks.length <= 10,
          expandedRowRender: (row) => (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                ...TRACK_FIELDS.map((f) => ({ key: f, label: t(`fields.${f}`), children: format(f, row.recording[f]) })),
                // The officer may listen to what was uploaded (the registrant's and the agency's only).
                {
                  key: 'audio',
                  label: t('fields.audio'),
                  children: row.audio === null ? t('album.noAudio') : <AudioDetails audio={row.audio} name={row.recording.title} />,
                },
              ]}
            />
          ),
        }}
      />
    </section>
  );
}
