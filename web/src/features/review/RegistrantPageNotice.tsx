import { Alert } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Above a registrant's page opened by staff: whose page it is, and the officer's page for the same work. */
export function RegistrantPageNotice({ to, link }: { to: string; link: 'albumReview' | 'review' }) {
  const { t } = useTranslation('review');
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('staffNotice.title')}
      description={
        <>
          {t('staffNotice.text')}{' '}
          <Link to={to} style={{ textDecoration: 'underline' }}>
            {t(`staffNotice.${link}`)}
          </Link>
        </>
      }
    />
  );
}
