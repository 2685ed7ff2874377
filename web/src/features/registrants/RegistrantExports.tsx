import { useState } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ListingOrder } from '../../../../src/registrants/registrant-listings.schemas.js';
import { downloadExport } from '../../lib/download';

const ORDERS: readonly ListingOrder[] = ['code', 'name'];
const FORMATS = ['csv', 'xlsx'] as const;

/** 登記者清冊 exports: by code and by name, each as CSV or Excel. */
export function RegistrantExports({ orders = ORDERS }: { orders?: readonly ListingOrder[] }) {
  const { t } = useTranslation('registrantAdmin');
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | undefined>(undefined);

  const download = async (order: ListingOrder, format: (typeof FORMATS)[number]) => {
    const key = `${order}-${format}`;
    setBusy(key);
    try {
      await downloadExport('/registrants/listing', { order, format }, `registrants-by-${order}.${format}`);
    } catch (error) {
      void message.error(t('exports.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby={`registrant-exports-${orders.join('-')}`} style={{ marginTop: 16 }}>
      <Typography.Title level={2} id={`registrant-exports-${orders.join('-')}`} style={{ fontSize: 16 }}>
        {t('exports.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('exports.hint')}</Typography.Paragraph>
      <Flex gap="small" wrap>
        {orders.flatMap((order) =>
          FORMATS.map((format) => (
            <Button
              key={`${order}-${format}`}
              icon={<DownloadOutlined />}
              loading={busy === `${order}-${format}`}
              onClick={() => void download(order, format)}
            >
              {t(`exports.${format}`, { order: t(order === 'code' ? 'exports.byCode' : 'exports.byName') })}
            </Button>
          )),
        )}
      </Flex>
    </section>
  );
}
