import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from './PageTitle';

/** A real page for a function that arrives in a later stage: says so plainly. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={title} />
      <Card>
        <Empty
          description={
            <>
              <Typography.Paragraph strong>{t('comingSoon.title')}</Typography.Paragraph>
              <Typography.Paragraph>{description}</Typography.Paragraph>
              <Typography.Paragraph>{t('comingSoon.next')}</Typography.Paragraph>
            </>
          }
        />
      </Card>
    </>
  );
}
