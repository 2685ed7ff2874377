import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';

/** Says what went wrong in the user's language, with a retry when one can help. */
export function ErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const message = isApiError(error) || error instanceof Error ? error.message : t('errors.unknown');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? t('errors.title')}
      description={message}
      action={
        onRetry === undefined ? undefined : (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
