import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FixityFailure, FixityReference } from '../../../../src/fixity/fixity.schemas.js';
import { formatBytes, shortChecksum } from '../deposit/format-bytes';

function ReferenceLine({ reference }: { reference: FixityReference }) {
  const { t } = useTranslation('fixity');
  const text = t(`reference.${reference.kind}`, { album: reference.albumNumber ?? '', isrc: reference.isrc ?? '' });
  if (reference.albumId !== null) {
    return <Link to={`/review/${encodeURIComponent(reference.albumId)}`}>{text}</Link>;
  }
  if (reference.changeRequestId !== null) {
    return <Link to={`/admin/change-requests/${encodeURIComponent(reference.changeRequestId)}`}>{text}</Link>;
  }
  return <span>{text}</span>;
}

/**
 * Why a file failed, in the page's language from the stable code; a check recorded before the codes
 * has only its English text. Sizes and checksums are shown as elsewhere on the page.
 */
function detailText(f: FixityFailure, t: TFunction<'fixity'>): string {
  const p = f.detailParams;
  const num = (name: string) => Number(p[name] ?? 0);
  const str = (name: string) => String(p[name] ?? '');
  switch (f.detailCode) {
    case 'notInStorage':
      return t('detailText.notInStorage', { storageKey: str('storageKey') });
    case 'unreadable':
      return t('detailText.unreadable', { bytesRead: num('bytesRead').toLocaleString(), error: str('error') });
    case 'mismatch':
      return t('detailText.mismatch', {
        expectedSize: num('expectedSize').toLocaleString(),
        expectedSha: shortChecksum(str('expectedSha256')),
        bytesRead: num('bytesRead').toLocaleString(),
        computedSha: shortChecksum(str('computedSha256')),
      });
    case 'text':
    case null:
      return f.detail ?? '—';
  }
}

/** Files that failed a run: the outcome in words, the checksum, and what each file belongs to (linked). */
export function FixityFailuresTable({ failures }: { failures: readonly FixityFailure[] }) {
  const { t } = useTranslation('fixity');
  const columns: TableColumnsType<FixityFailure> = [
    {
      title: t('columns.outcome'),
      dataIndex: 'outcome',
      render: (_v, f) => (
        <Tag color="error" style={{ color: '#a8071a' }}>
          {t(`outcome.${f.outcome}`)}
        </Tag>
      ),
    },
    {
      title: t('columns.checksum'),
      dataIndex: 'sha256',
      render: (_v, f) => (
        <Typography.Text code title={t('checksumFull', { sha: f.sha256 })}>
          {shortChecksum(f.sha256)}
        </Typography.Text>
      ),
    },
    { title: t('columns.size'), dataIndex: 'size', render: (_v, f) => formatBytes(f.size) },
    { title: t('columns.type'), dataIndex: 'contentType' },
    {
      title: t('columns.references'),
      key: 'references',
      render: (_v, f) =>
        f.references.length === 0 ? (
          t('reference.none')
        ) : (
          <Space orientation="vertical" size={0}>
            {f.references.map((r, i) => (
              <ReferenceLine key={`${r.kind}-${i}`} reference={r} />
            ))}
          </Space>
        ),
    },
    {
      title: t('columns.detail'),
      dataIndex: 'detail',
      // A sentence: wraps in its own width rather than pushing the table sideways.
      width: 300,
      render: (_v, f) => (
        <Typography.Text style={{ fontSize: 12, display: 'block', minWidth: 240, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
          {detailText(f, t)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Table<FixityFailure>
      rowKey="sha256"
      size="small"
      columns={columns}
      dataSource={[...failures]}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
    />
  );
}
