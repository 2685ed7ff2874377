import { Alert, App, Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedApiTokenResponse } from '../../../../src/api-tokens/api-tokens.schemas.js';

/** The whole token, shown this once (the server keeps only its hash), with a copy button. */
export function ApiTokenCreated({ created, onClose }: { created: CreatedApiTokenResponse; onClose: () => void }) {
  const { t } = useTranslation('apiTokens');
  const { message } = App.useApp();
  const copy = () => {
    navigator.clipboard.writeText(created.token).then(
      () => void message.success(t('created.copied')),
      () => void message.error(t('created.copyFailed')),
    );
  };
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('created.title', { name: created.name })}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>{t('created.description')}</span>
          <label htmlFor="api-token-value" className="visually-hidden">
            {t('created.label')}
          </label>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              id="api-token-value"
              readOnly
              value={created.token}
              style={{ fontFamily: 'monospace' }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button type="primary" onClick={copy}>
              {t('created.copy')}
            </Button>
          </Space.Compact>
          <Button onClick={onClose}>{t('created.close')}</Button>
        </Space>
      }
    />
  );
}
