import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PendingRoute } from '../features/manual/PendingNotice';
import type { PendingFeature } from '../features/manual/pending-features';
import { PageTitle } from './PageTitle';

/**
 * A real page for a function that arrives in a later stage: says so plainly, and how to do it
 * today (the interim route and the agency's contact details).
 */
export function ComingSoon({ title, description, feature }: { title: string; description: string; feature: PendingFeature }) {
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
            </>
          }
        />
        <div className="coming-soon__route">
          <PendingRoute feature={feature} />
          <Typography.Paragraph>{t('comingSoon.next')}</Typography.Paragraph>
        </div>
      </Card>
    </>
  );
}
