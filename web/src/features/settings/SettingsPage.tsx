import { useState } from 'react';
import { App, Button, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { AddCodeModal, type NewCodeValues } from '../registrants/AddCodeModal';
import { CodeTable } from '../registrants/RegistrantCodesSection';
import { ADMIN, hasRole } from '../auth/api';
import { useCurrentMe } from '../../app/me-context';
import { useAddPoolCode, useSettings } from './api';
import { DepositSettingsSection } from './DepositSettingsSection';
import { PublicSearchSettingsSection } from '../public-search/PublicSearchSettingsSection';

/**
 * 設定: the country code (from configuration), the deposit settings (every officer sees them,
 * administrators change them) and the agency's pool codes for individuals (administrators add them).
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const isAdmin = hasRole(useCurrentMe(), ADMIN);
  const { message } = App.useApp();
  const settings = useSettings();
  const add = useAddPoolCode();
  const [adding, setAdding] = useState(false);

  const onSubmit = async (values: NewCodeValues) => {
    const created = await add.mutateAsync(values);
    void message.success(t('codes.added', { code: `${created.countryCode}-${created.code}` }));
  };

  return (
    <>
      <PageTitle title={t('settings.title')} />
      {settings.isPending ? <PageLoading /> : null}
      {settings.isError ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? (
        <>
          <SectionCard title={t('settings.country')}>
            <Descriptions
              column={1}
              items={[{ key: 'countryCode', label: t('settings.countryCode'), children: <strong>{settings.data.countryCode}</strong> }]}
            />
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
              {t('settings.countryCodeNote')} <code>ISRC_COUNTRY_CODE</code>
            </Typography.Paragraph>
          </SectionCard>
          <DepositSettingsSection canEdit={isAdmin} />
          <PublicSearchSettingsSection canEdit={isAdmin} />
          <SectionCard
            title={t('settings.poolCodes')}
            extra={
              isAdmin ? (
                <Button type="primary" onClick={() => setAdding(true)}>
                  {t('settings.addPoolCode')}
                </Button>
              ) : undefined
            }
          >
            <Typography.Paragraph>{t('settings.poolCodesNote')}</Typography.Paragraph>
            <CodeTable codes={settings.data.poolCodes} loading={settings.isFetching} emptyText={t('settings.poolEmpty')} />
          </SectionCard>
        </>
      ) : null}
      <AddCodeModal open={adding} title={t('settings.addPoolCode')} pending={add.isPending} onSubmit={onSubmit} onClose={() => setAdding(false)} />
    </>
  );
}
