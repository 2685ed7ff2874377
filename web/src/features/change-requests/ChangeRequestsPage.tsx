import { Alert, App, Button, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES } from '../../../../src/change-requests/change-request-fields.js';
import type { ChangeRequestResponse } from '../../../../src/change-requests/change-requests.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { attachmentUrl, useChangeRequestList, useCurrentValues, useUploadAttachment, useWithdrawChangeRequest } from './api';
import { ChangeRequestForm } from './ChangeRequestForm';
import { ChangeRequestTable } from './ChangeRequestTable';
import { formatSize } from './form-values';

/** Withdraw and (re)upload the scan while pending; download it any time. */
function RowActions({ row }: { row: ChangeRequestResponse }) {
  const { t } = useTranslation('changeRequests');
  const { message } = App.useApp();
  const withdraw = useWithdrawChangeRequest();
  const upload = useUploadAttachment();
  return (
    <Space orientation="vertical" size={4}>
      {row.attachment === null ? null : (
        <a href={attachmentUrl(row.id)} download={row.attachment.fileName}>
          {t('detail.download', { name: row.attachment.fileName, size: formatSize(row.attachment.size) })}
        </a>
      )}
      {row.status === 'pending' ? (
        <Space wrap>
          <Upload
            accept={ATTACHMENT_ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > MAX_ATTACHMENT_BYTES) {
                void message.error(t('form.fileTooLarge'));
                return Upload.LIST_IGNORE;
              }
              upload.mutate(
                { id: row.id, file },
                { onSuccess: () => void message.success(t('mine.uploaded')), onError: (e) => void message.error(e.message) },
              );
              return false;
            }}
          >
            <Button size="small" loading={upload.isPending}>
              {t('mine.uploadScan')}
            </Button>
          </Upload>
          <Popconfirm
            title={t('mine.withdrawConfirm')}
            onConfirm={() => withdraw.mutate(row.id, { onSuccess: () => void message.success(t('mine.withdrawn')) })}
          >
            <Button size="small" danger loading={withdraw.isPending}>
              {t('mine.withdraw')}
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
    </Space>
  );
}

export function ChangeRequestsPage() {
  const { t } = useTranslation('changeRequests');
  const [page, setPage] = useState(1);
  const current = useCurrentValues();
  const mine = useChangeRequestList({ page });
  const pending = useChangeRequestList({ page: 1, status: 'pending' });

  if (current.isPending) {
    return <PageLoading />;
  }
  return (
    <>
      <PageTitle title={t('title')} />
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      <SectionCard title={t('form.heading')}>
        {current.isError ? (
          <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />
        ) : (pending.data?.total ?? 0) > 0 ? (
          <Alert type="info" showIcon title={t('form.pendingExists')} />
        ) : (
          <ChangeRequestForm current={current.data.values} />
        )}
      </SectionCard>
      <SectionCard title={t('mine.heading')}>
        {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
        <ChangeRequestTable
          data={mine.data}
          loading={mine.isFetching}
          emptyText={t('mine.empty')}
          onPageChange={setPage}
          actions={(row) => <RowActions row={row} />}
        />
      </SectionCard>
    </>
  );
}
