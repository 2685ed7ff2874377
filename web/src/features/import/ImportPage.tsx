import { useQueryClient } from '@tanstack/react-query';
import { App, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewResponse } from '../../../../src/import/import.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { currentLanguage } from '../../lib/i18n';
import { useAgency } from '../agency/use-agency';
import { formatDateTime } from '../notifications/format-time';
import { importKeys, useConfirmImport, useImportPreview } from './api';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportUploadForm } from './ImportUploadForm';
import './import.css';

const PARAM = 'preview';

/**
 * 專輯匯入: 下載批次上傳範本 → upload the .xlsx and the cover → 預覽資料 → 確認匯入 → the new draft
 * album. The preview's id stays in the address (?preview=…), so a reload shows the same preview.
 */
export function ImportPage() {
  const { t } = useTranslation('import');
  const { message } = App.useApp();
  const { timeZone } = useAgency();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const previewId = params.get(PARAM) ?? undefined;
  const preview = useImportPreview(previewId);
  const confirm = useConfirmImport();

  const onPreview = (result: ImportPreviewResponse) => {
    queryClient.setQueryData(importKeys.preview(result.id, currentLanguage()), result);
    setParams({ [PARAM]: result.id });
  };
  const onStartOver = () => {
    confirm.reset();
    setParams({});
  };
  const onConfirm = () => {
    if (previewId === undefined || confirm.isPending) {
      return;
    }
    confirm.mutate(previewId, {
      onSuccess: (done) => {
        const albumId = done.albumIds?.[0];
        if (albumId !== undefined) {
          void message.success(t('confirm.done'));
          void navigate(`/albums/${albumId}`);
        }
      },
    });
  };

  let body;
  if (previewId === undefined) {
    body = <ImportUploadForm onPreview={onPreview} />;
  } else if (preview.isPending) {
    body = <PageLoading />;
  } else if (preview.isError) {
    body = (
      <>
        <ErrorAlert error={preview.error} title={t('preview.loadFailed')} />
        <ImportUploadForm onPreview={onPreview} />
      </>
    );
  } else {
    body = (
      <ImportPreviewView
        preview={preview.data}
        expiresText={t('preview.expires', { time: formatDateTime(preview.data.expiresAt, timeZone) })}
        confirming={confirm.isPending}
        confirmError={confirm.error === null ? null : confirm.error.message}
        onConfirm={onConfirm}
        onStartOver={onStartOver}
      />
    );
  }

  return (
    <>
      <Typography.Paragraph>
        <Link to="/albums">{t('backToAlbums')}</Link>
      </Typography.Paragraph>
      <PageTitle title={t('title')} />
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      {body}
    </>
  );
}
