import { Button, Checkbox, Descriptions, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgencySettingsResponse } from '../../../../src/settings/agency-settings.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormAlert } from '../../components/FormAlert';
import { PageLoading } from '../../components/PageLoading';
import { SectionCard } from '../../components/SectionCard';
import { useAgencySettings, useSaveAgencySettings } from '../settings/agency-settings-api';

/** Bounds as the API checks them (src/settings/agency-settings.ts). */
const RATE = { min: 1, max: 6000 };

type PublicSearchSettings = AgencySettingsResponse['publicSearch'];

function SettingsForm({ settings }: { settings: PublicSearchSettings }) {
  const { t } = useTranslation('publicSearch');
  const [form] = Form.useForm<PublicSearchSettings>();
  const { save, alert, saving } = useSaveAgencySettings(form, ['requestsPerMinute'], t('settings.saved'));
  const onFinish = (values: PublicSearchSettings) => save({ publicSearch: values });

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={settings} style={{ maxWidth: 560 }}>
      <FormAlert message={alert} />
      <Form.Item name="showRegistrantName" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{t('settings.showRegistrantName')}</Checkbox>
      </Form.Item>
      <Form.Item name="showRegistrantCode" valuePropName="checked" extra={t('settings.showRegistrantCodeHelp')}>
        <Checkbox>{t('settings.showRegistrantCode')}</Checkbox>
      </Form.Item>
      <Form.Item
        label={t('settings.requestsPerMinute')}
        name="requestsPerMinute"
        extra={t('settings.requestsPerMinuteHelp')}
        rules={[{ required: true, type: 'integer', ...RATE }]}
      >
        <InputNumber {...RATE} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('settings.save')}
      </Button>
    </Form>
  );
}

/** ISRC 公開查詢 on the 設定 page: what the public sees and its rate limit; administrators change them. */
export function PublicSearchSettingsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('publicSearch');
  const settings = useAgencySettings();
  const yesNo = (v: boolean) => (v ? t('settings.shown') : t('settings.hidden'));
  return (
    <SectionCard title={t('settings.title')}>
      <Typography.Paragraph>{t('settings.intro')}</Typography.Paragraph>
      {settings.isPending ? <PageLoading /> : null}
      {settings.isError ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? (
        canEdit ? (
          <SettingsForm key={settings.data.updatedAt ?? 'defaults'} settings={settings.data.publicSearch} />
        ) : (
          <Descriptions
            column={1}
            items={[
              { key: 'name', label: t('settings.showRegistrantName'), children: yesNo(settings.data.publicSearch.showRegistrantName) },
              { key: 'code', label: t('settings.showRegistrantCode'), children: yesNo(settings.data.publicSearch.showRegistrantCode) },
              { key: 'rate', label: t('settings.requestsPerMinute'), children: settings.data.publicSearch.requestsPerMinute },
            ]}
          />
        )
      ) : null}
    </SectionCard>
  );
}
