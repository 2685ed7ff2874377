import { Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" gap="small" style={{ minHeight: 160 }} role="status" aria-live="polite">
      <Spin />
      <Typography.Text>{t('common.loading')}</Typography.Text>
    </Flex>
  );
}
