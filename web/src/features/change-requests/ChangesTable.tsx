import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestResponse } from '../../../../src/change-requests/change-requests.schemas.js';

type Change = ChangeRequestResponse['changes'][number];

/** Field · before → after, one row per changed field. */
export function ChangesTable({ changes, caption }: { changes: readonly Change[]; caption?: string }) {
  const { t } = useTranslation('changeRequests');
  const shown = (value: string) => (value === '' ? <Typography.Text type="secondary">{t('form.empty')}</Typography.Text> : value);
  const columns: TableColumnsType<Change> = [
    { title: t('columns.field'), dataIndex: 'field', render: (_v, row) => t(`fields.${row.field}`), width: '22%' },
    { title: t('columns.before'), dataIndex: 'before', render: (_v, row) => shown(row.before) },
    { title: t('columns.after'), dataIndex: 'after', render: (_v, row) => <strong>{shown(row.after)}</strong> },
  ];
  return (
    <Table<Change>
      scroll={{ x: 'max-content' }}
      rowKey="field"
      size="small"
      columns={columns}
      dataSource={[...changes]}
      pagination={false}
      {...(caption === undefined ? {} : { title: () => caption })}
    />
  );
}

/** Compact "地址：舊 → 新" lines for list cells. */
export function ChangesSummary({ changes }: { changes: readonly Change[] }) {
  const { t } = useTranslation('changeRequests');
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {changes.map((c) => (
        <li key={c.field}>
          {t(`fields.${c.field}`)}：{c.before === '' ? t('form.empty') : c.before} → <strong>{c.after === '' ? t('form.empty') : c.after}</strong>
        </li>
      ))}
    </ul>
  );
}
