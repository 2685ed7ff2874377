import { Alert, Empty, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../../src/catalog/formats.js';
import { formatDisplay, isIsrc } from '../../../../src/isrc/index.js';
import { PUBLIC_SEARCH_COUNT_CAP, type PublicRecording, type PublicSearchResponse } from '../../../../src/public-search/public-search.schemas.js';

const displayIsrc = (isrc: string) => (isIsrc(isrc) ? formatDisplay(isrc) : isrc);
const orDash = (text: string | undefined) => (text === undefined || text === '' ? '—' : text);

function ForeignNotice({ isrc, country, url }: { isrc: string; country: string; url: string }) {
  const { t } = useTranslation('publicSearch');
  return (
    <Alert
      type="warning"
      showIcon
      title={t('foreign.title')}
      description={
        <>
          {t('foreign.text', { isrc: displayIsrc(isrc), country })}{' '}
          <a href={url} target="_blank" rel="noopener noreferrer" style={{ textDecoration: 'underline' }}>
            {t('foreign.link')}
          </a>
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

function useColumns(items: readonly PublicRecording[]): TableColumnsType<PublicRecording> {
  const { t } = useTranslation('publicSearch');
  const columns: TableColumnsType<PublicRecording> = [
    { title: t('columns.isrc'), dataIndex: 'isrc', render: (isrc: string) => <span className="isrc">{displayIsrc(isrc)}</span> },
    { title: t('columns.title'), dataIndex: 'title', render: orDash },
    { title: t('columns.performers'), dataIndex: 'performers', render: orDash },
    { title: t('columns.duration'), dataIndex: 'durationSeconds', render: (s: number | null) => (s === null ? '—' : formatDuration(s)) },
    { title: t('columns.year'), dataIndex: 'yearOfReference' },
    { title: t('columns.albums'), key: 'albums', render: (_, r) => orDash(r.albums.map((a) => a.title).join('、')) },
    {
      title: t('columns.publisher'),
      key: 'publisher',
      render: (_, r) => orDash([...new Set(r.albums.map((a) => a.publisher).filter((p) => p !== ''))].join('、')),
    },
  ];
  // Shown only when the agency makes them public (a setting), so absent columns are not empty ones.
  if (items.some((i) => i.registrantName !== undefined)) {
    columns.push({ title: t('columns.registrant'), dataIndex: 'registrantName', render: orDash });
  }
  if (items.some((i) => i.registrantCode !== undefined)) {
    columns.push({ title: t('columns.registrantCode'), dataIndex: 'registrantCode', render: orDash });
  }
  return columns;
}

export function PublicSearchResults({ data, loading, onPage }: { data: PublicSearchResponse; loading: boolean; onPage: (page: number) => void }) {
  const { t } = useTranslation('publicSearch');
  const columns = useColumns(data.items);
  if (data.tooShort) {
    return <Typography.Paragraph>{t('tooShort')}</Typography.Paragraph>;
  }
  const foreign =
    data.foreign !== undefined && data.isrc !== undefined ? (
      <ForeignNotice isrc={data.isrc} country={data.foreign.countryCode} url={data.foreign.ifpiSearchUrl} />
    ) : null;
  if (data.items.length === 0) {
    return (
      <>
        {foreign}
        {data.foreign === undefined ? <Empty description={t(data.reading === 'isrc' ? 'empty.isrc' : 'empty.text')} /> : null}
      </>
    );
  }
  return (
    <>
      {foreign}
      <Typography.Paragraph aria-live="polite">
        {data.reading === 'isrc' && data.isrc !== undefined ? t('reading.isrc', { isrc: displayIsrc(data.isrc) }) : t('reading.text')}
        {'　'}
        {data.totalCapped ? t('count.capped', { cap: PUBLIC_SEARCH_COUNT_CAP }) : t('count.exact', { total: data.total })}
      </Typography.Paragraph>
      <Table<PublicRecording>
        rowKey="isrc"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        caption={<span className="visually-hidden">{t('tableCaption')}</span>}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: data.page,
          pageSize: data.pageSize,
          total: data.total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: onPage,
        }}
      />
    </>
  );
}
