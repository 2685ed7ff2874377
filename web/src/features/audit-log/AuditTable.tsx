import { Button, Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEntryResponse, AuditPage } from '../../../../src/audit/audit.schemas.js';
import { useAgency } from '../agency/use-agency';
import { AUDIT_PAGE_SIZE, formatDateTime } from './audit-filter';
import { changedFields } from './audit-diff';
import { entityPath, knownAction, knownEntityType } from './audit-labels';
import { auditFieldLabel } from './field-names';
import { useCatalogLocale } from '../albums/catalog-locale';

/** Before → after of one entry: the changed fields in a table, the raw JSON folded below. */
function Changes({ entry }: { entry: AuditEntryResponse }) {
  const { t } = useTranslation('auditLog');
  const language = useCatalogLocale();
  const changes = changedFields(entry.before, entry.after);
  return (
    <div>
      {changes.length === 0 ? (
        <Typography.Text type="secondary">{t('changes.none')}</Typography.Text>
      ) : (
        <table className="audit-changes" aria-label={t('changes.title')}>
          <thead>
            <tr>
              <th scope="col">{t('changes.field')}</th>
              <th scope="col">{t('changes.before')}</th>
              <th scope="col" aria-hidden="true" />
              <th scope="col">{t('changes.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.key}>
                <th scope="row" title={c.key === '' ? undefined : c.key}>
                  {c.key === '' ? t('changes.whole') : auditFieldLabel(entry.entityType, c.key, language)}
                </th>
                <td>
                  <del>{c.before}</del>
                </td>
                <td aria-hidden="true">→</td>
                <td>
                  <ins>{c.after}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entry.before === null && entry.after === null ? null : (
        <details style={{ marginTop: 8 }}>
          <summary>{t('changes.raw')}</summary>
          <pre className="audit-raw">{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}

interface Props {
  data: AuditPage | undefined;
  loading: boolean;
  onPageChange: (page: number) => void;
  onPickActor: (userId: string) => void;
}

export function AuditTable({ data, loading, onPageChange, onPickActor }: Props) {
  const { t } = useTranslation('auditLog');
  const { t: tc } = useTranslation();
  const { timeZone } = useAgency();

  const columns: TableColumnsType<AuditEntryResponse> = [
    { title: t('columns.time'), dataIndex: 'createdAt', width: 170, render: (_v, row) => formatDateTime(row.createdAt, timeZone) },
    {
      title: t('columns.actor'),
      dataIndex: 'actor',
      render: (_v, row) =>
        row.actor === null ? (
          <Typography.Text type="secondary">{t('system')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onPickActor(row.actor?.userId ?? '')}>
              {row.actor.loginName}
            </Button>
            <Typography.Text type="secondary">
              {row.actor.displayName} · {t(`roles.${row.actor.role}`)}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: t('columns.action'),
      dataIndex: 'action',
      render: (_v, row) => {
        const known = knownAction(row.action);
        return (
          <Space orientation="vertical" size={0}>
            <span>{known === undefined ? row.action : t(`actions.${known}`)}</span>
            {known === undefined ? null : <Typography.Text type="secondary">{row.action}</Typography.Text>}
          </Space>
        );
      },
    },
    {
      title: t('columns.object'),
      dataIndex: 'entityId',
      render: (_v, row) => {
        const type = knownEntityType(row.entityType);
        const path = entityPath(row.entityType, row.entityId);
        const label = row.entityLabel === '' ? row.entityId : row.entityLabel;
        return (
          <Space orientation="vertical" size={0}>
            <Typography.Text type="secondary">{type === undefined ? row.entityType : t(`entityTypes.${type}`)}</Typography.Text>
            {path === undefined ? <span>{label}</span> : <Link to={path}>{label}</Link>}
          </Space>
        );
      },
    },
    { title: t('columns.ip'), dataIndex: 'ip', width: 140 },
  ];

  return (
    <Table<AuditEntryResponse>
      scroll={{ x: 800 }}
      rowKey="id"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      expandable={{ expandedRowRender: (row) => <Changes entry={row} />, expandRowByClick: false }}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: AUDIT_PAGE_SIZE,
        total: data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => tc('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
