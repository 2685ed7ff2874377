import { useState } from 'react';
import { Alert, App, Button, Empty, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrantCodeResponse, RegistrantResponse } from '../../../../src/registrants/registrants.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { useAgency } from '../agency/use-agency';
import { useAddRegistrantCode, useRegistrantCodes } from './api';
import { AddCodeModal } from './AddCodeModal';

export function CodeTable({ codes, loading, emptyText }: { codes: RegistrantCodeResponse[] | undefined; loading: boolean; emptyText: string }) {
  const { t } = useTranslation();
  const { formatDate } = useAgency();
  const columns: TableColumnsType<RegistrantCodeResponse> = [
    { title: t('codes.code'), dataIndex: 'code', render: (_value, row) => `${row.countryCode}-${row.code}` },
    { title: t('codes.createdAt'), dataIndex: 'createdAt', render: (_value, row) => formatDate(row.createdAt) },
  ];
  return (
    <Table<RegistrantCodeResponse>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={codes ?? []}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <Empty description={emptyText} /> }}
    />
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

  const onSubmit = async (code: string) => {
    const created = await add.mutateAsync(code);
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
