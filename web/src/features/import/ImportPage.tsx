import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewResponse, ImportProgress } from '../../../../src/import/import.schemas.js';
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
  const [albumPage, setAlbumPage] = useState(1);
  const preview = useImportPreview(previewId, albumPage);
  const confirm = useConfirmImport();
  const [confirmProgress, setConfirmProgress] = useState<ImportProgress | undefined>();

  const onPreview = (result: ImportPreviewResponse) => {
    // A catalogue's answer holds the server's default page of albums; the page asks for its own size.
    if (result.kind === 'album') {
      queryClient.setQueryData(importKeys.preview(result.id, currentLanguage()), result);
    }
    setAlbumPage(1);
    setParams({ [PARAM]: result.id });
  };
  const onStartOver = () => {
    confirm.reset();
    setAlbumPage(1);
    setParams({});
  };
  const onConfirm = () => {
    if (previewId === undefined || confirm.isPending) {
      return;
    }
    setConfirmProgress(undefined);
    confirm.mutate(
      { id: previewId, onProgress: setConfirmProgress },
      {
        onSuccess: (done) => {
          const albumId = done.albumIds?.[0];
          if (done.kind === 'catalogue') {
            // Many albums: stay on the result (refetched as confirmed), which links to the album list.
            void message.success(t('confirm.doneCatalogue', { count: done.albumIds?.length ?? 0 }));
          } else if (albumId !== undefined) {
            void message.success(t('confirm.done'));
            void navigate(`/albums/${albumId}`);
          }
        },
      },
    );
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
        confirmProgress={confirmProgress}
        pageLoading={preview.isFetching}
        onAlbumPage={setAlbumPage}
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
