import { Button, Descriptions, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgencySettingsResponse } from '../../../../src/settings/agency-settings.schemas.js';
import { REGISTRANT_KINDS } from '../../../../src/shared/enums.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormAlert } from '../../components/FormAlert';
import { PageLoading } from '../../components/PageLoading';
import { SectionCard } from '../../components/SectionCard';
import { useAgency } from '../agency/use-agency';
import { useAgencySettings, useSaveAgencySettings } from './agency-settings-api';

type Values = Pick<AgencySettingsResponse, 'depositCopies' | 'depositOverdueDays'>;

/** Bounds as the API checks them (src/settings/agency-settings.ts). */
const COPIES = { min: 1, max: 20 };
const DAYS = { min: 1, max: 365 };
const FIELDS = [...REGISTRANT_KINDS.map((kind) => ['depositCopies', kind]), 'depositOverdueDays'];

function SettingsForm({ settings }: { settings: AgencySettingsResponse }) {
  const { t } = useTranslation('deposit');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { save: onFinish, alert, saving } = useSaveAgencySettings(form, FIELDS, t('settings.saved'));

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ depositCopies: settings.depositCopies, depositOverdueDays: settings.depositOverdueDays }}
      style={{ maxWidth: 480 }}
    >
      <FormAlert message={alert} />
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8 }}>{t('settings.copies')}</legend>
        {REGISTRANT_KINDS.map((kind) => (
          <Form.Item
            key={kind}
            label={t('settings.copiesFor', { kind: tc(`registrantKind.${kind}`) })}
            name={['depositCopies', kind]}
            rules={[{ required: true, type: 'integer', ...COPIES }]}
          >
            <InputNumber {...COPIES} precision={0} style={{ width: 120 }} />
          </Form.Item>
        ))}
      </fieldset>
      <Form.Item
        label={t('settings.overdueDays')}
        name="depositOverdueDays"
        extra={t('settings.overdueDaysHelp')}
        rules={[{ required: true, type: 'integer', ...DAYS }]}
      >
        <InputNumber {...DAYS} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('settings.save')}
      </Button>
    </Form>
  );
}

/** 送存設定 on the 設定 page: every officer sees the values, administrators change them. */
export function DepositSettingsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('deposit');
  const { t: tc } = useTranslation();
  const { formatDate } = useAgency();
  const settings = useAgencySettings();
  return (
    <SectionCard title={t('settings.title')}>
      <Typography.Paragraph>{t('settings.intro')}</Typography.Paragraph>
      {settings.isPending ? <PageLoading /> : null}
      {settings.isError ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? (
        <>
          <Typography.Paragraph type="secondary">
            {settings.data.updatedAt === null ? t('settings.defaults') : t('settings.updatedAt', { date: formatDate(settings.data.updatedAt) })}
          </Typography.Paragraph>
          {canEdit ? (
            <SettingsForm key={settings.data.updatedAt ?? 'defaults'} settings={settings.data} />
          ) : (
            <>
              <Descriptions
                column={1}
                items={[
                  ...REGISTRANT_KINDS.map((kind) => ({
                    key: kind,
                    label: t('settings.copiesFor', { kind: tc(`registrantKind.${kind}`) }),
                    children: t('panel.copies', { count: settings.data.depositCopies[kind] }),
                  })),
                  { key: 'days', label: t('settings.overdueDays'), children: settings.data.depositOverdueDays },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('settings.adminOnly')}
              </Typography.Paragraph>
            </>
          )}
        </>
      ) : null}
    </SectionCard>
  );
}
