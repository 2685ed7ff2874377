import { useState } from 'react';
import { Alert, App, Button, Empty, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrantCodeResponse, RegistrantResponse } from '../../../../src/registrants/registrants.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { useAgency } from '../agency/use-agency';
import { useAddRegistrantCode, useRegistrantCodes } from './api';
import { useCurrentMe } from '../../app/me-context';
import { AddCodeModal, type NewCodeValues } from './AddCodeModal';
import { EditCodeYearModal } from './EditCodeYearModal';

/** Codes with the year each was allocated; an administrator may correct that year. */
export function CodeTable({ codes, loading, emptyText }: { codes: RegistrantCodeResponse[] | undefined; loading: boolean; emptyText: string }) {
  const { t } = useTranslation();
  const { formatDate } = useAgency();
  const admin = useCurrentMe().user.role === 'agency_admin';
  const [editing, setEditing] = useState<RegistrantCodeResponse | null>(null);
  const columns: TableColumnsType<RegistrantCodeResponse> = [
    { title: t('codes.code'), dataIndex: 'code', render: (_value, row) => `${row.countryCode}-${row.code}` },
    { title: t('codes.allocatedYear'), dataIndex: 'allocatedYear' },
    { title: t('codes.createdAt'), dataIndex: 'createdAt', render: (_value, row) => formatDate(row.createdAt) },
    ...(admin
      ? [
          {
            title: t('codes.actions'),
            key: 'actions',
            render: (_value: unknown, row: RegistrantCodeResponse) => (
              <Button
                type="link"
                size="small"
                onClick={() => setEditing(row)}
                aria-label={t('codes.editYearFor', { code: `${row.countryCode}-${row.code}` })}
              >
                {t('codes.editYear')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Table<RegistrantCodeResponse>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={codes ?? []}
        loading={loading}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
      />
      <EditCodeYearModal code={editing} onClose={() => setEditing(null)} />
    </>
  );
}

/** 登記者代碼: companies and government bodies get their own codes; individuals use the pool. */
export function RegistrantCodesSection({ registrant }: { registrant: RegistrantResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const codes = useRegistrantCodes(registrant.id);
  const add = useAddRegistrantCode(registrant.id);
  const [adding, setAdding] = useState(false);
  const holdsCodes = registrant.kind !== 'individual';

  const onSubmit = async (values: NewCodeValues) => {
    const created = await add.mutateAsync(values);
    void message.success(t('codes.added', { code: `${created.countryCode}-${created.code}` }));
  };

  return (
    <SectionCard
      title={t('codes.title')}
      extra={
        holdsCodes ? (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('codes.allocate')}
          </Button>
        ) : undefined
      }
    >
      {holdsCodes ? null : <Alert type="info" showIcon title={t('codes.individualPool')} style={{ marginBottom: 16 }} />}
      {codes.isError ? <ErrorAlert error={codes.error} onRetry={() => void codes.refetch()} /> : null}
      {holdsCodes || (codes.data?.length ?? 0) > 0 ? <CodeTable codes={codes.data} loading={codes.isFetching} emptyText={t('codes.empty')} /> : null}
      <AddCodeModal
        open={adding}
        title={t('codes.allocateFor', { name: registrant.name })}
        pending={add.isPending}
        onSubmit={onSubmit}
        onClose={() => setAdding(false)}
      />
    </SectionCard>
  );
}
