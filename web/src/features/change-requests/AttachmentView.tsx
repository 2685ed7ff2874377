import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestResponse } from '../../../../src/change-requests/change-requests.schemas.js';
import { attachmentUrl } from './api';
import { formatSize } from './form-values';

/** The download link, and an image scan shown inline for a quick look. */
export function AttachmentView({ request }: { request: ChangeRequestResponse }) {
  const { t } = useTranslation('changeRequests');
  const file = request.attachment;
  if (file === null) {
    return <Typography.Text type="secondary">{t('detail.noAttachment')}</Typography.Text>;
  }
  return (
    <>
      <a href={attachmentUrl(request.id)} download={file.fileName}>
        {t('detail.download', { name: file.fileName, size: formatSize(file.size) })}
      </a>
      {file.contentType.startsWith('image/') ? (
        <div style={{ marginTop: 12 }}>
          <img
            src={attachmentUrl(request.id)}
            alt={t('detail.previewAlt', { name: file.fileName })}
            style={{ maxWidth: '100%', maxHeight: 480, border: '1px solid #d9d9d9' }}
          />
        </div>
      ) : null}
    </>
  );
}
