import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
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
      render: (_v, f) => <Typography.Text style={{ fontSize: 12 }}>{f.detail ?? '—'}</Typography.Text>,
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
