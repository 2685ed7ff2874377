import { Button, Result, Typography } from 'antd';
import { Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../lib/use-document-title';

function Heading({ children }: { children: string }) {
  return (
    <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('statusPage.forbidden.title'));
  return (
    <Result
      status="403"
      title={<Heading>{t('statusPage.forbidden.title')}</Heading>}
      subTitle={t('statusPage.forbidden.text')}
      extra={<Link to="/">{t('statusPage.backHome')}</Link>}
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('statusPage.notFound.title'));
  return (
    <Result
      status="404"
      title={<Heading>{t('statusPage.notFound.title')}</Heading>}
      subTitle={t('statusPage.notFound.text')}
      extra={<Link to="/">{t('statusPage.backHome')}</Link>}
    />
  );
}

/** Last resort for a page that failed to render (or failed to load its code after a deploy). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('statusPage.crash.title'));
  return (
    <main id="main" className="app-main">
      <Result
        status="error"
        title={<Heading>{t('statusPage.crash.title')}</Heading>}
        subTitle={error instanceof Error ? error.message : t('statusPage.crash.text')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('statusPage.crash.reload')}
          </Button>
        }
      />
    </main>
  );
}
