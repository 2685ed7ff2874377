import { Form, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNextIsrc } from './api';

/** What 「下一個可用編號」 would give now; or the system code the track already has. */
export function NextIsrcPreview({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const registrantCode = Form.useWatch<string | undefined>('registrantCode');
  const next = useNextIsrc(registrantCode, current === null);

  if (current !== null) {
    return <Typography.Text className="ant-form-text">{t('tracks.isrc.systemAssigned', { isrc: current })}</Typography.Text>;
  }
  if (next.isPending) {
    return (
      <span className="ant-form-text" role="status">
        <Spin size="small" /> {t('tracks.isrc.nextLoading')}
      </span>
    );
  }
  if (next.isError) {
    return (
      <Typography.Text type="danger" className="ant-form-text" role="alert">
        {next.error.message}
      </Typography.Text>
    );
  }
  return (
    <div className="ant-form-text" aria-live="polite">
      <Typography.Text>{t('tracks.isrc.nextPrefix')}</Typography.Text>
      <Typography.Text strong>{next.data.display}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('tracks.isrc.nextNote')}
      </Typography.Paragraph>
    </div>
  );
}
