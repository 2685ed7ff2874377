import { Suspense, useEffect, useRef, type Ref } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../../src/accounts/accounts.schemas.js';
import { PageLoading } from '../../components/PageLoading';
import { AgencyContact } from '../../features/agency/AgencyContact';
import { HeaderMenu } from './HeaderMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { NotificationsLink } from './NotificationsLink';
import { useEmailLanguage } from './use-email-language';
import { UserBadge } from './UserBadge';
import { useNarrowScreen } from './use-narrow-screen';
import './layout.css';

/** The routed page in <main> (the skip link's target), loading while its code arrives, then the footer. */
function PageAndFooter({ mainRef, narrow = false }: { mainRef?: Ref<HTMLElement>; narrow?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <main id="main" ref={mainRef} tabIndex={-1} className={narrow ? 'app-main app-main--narrow' : 'app-main'}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="app-footer">
        <p>{t('footer.text')}</p>
        <AgencyContact variant="footer" />
      </footer>
    </>
  );
}

/**
 * Header with the agency's top menu, the page in <main>, and a short footer. On a phone the header
 * is one short row and the menu opens from 「選單」 (HeaderMenu).
 */
export function AppLayout({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const narrow = useNarrowScreen();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEmailLanguage();

  // After a client-side navigation, move focus to the new page so screen readers announce it, and
  // show the new page from its top: focus() alone would scroll <main> to the top of the window
  // and hide the header and menu on any page taller than the window.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('header.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <Link to="/" className="app-brand">
            {narrow ? t('app.shortName') : t('app.name')}
          </Link>
          {narrow ? (
            <div className="app-header__meta">
              <NotificationsLink me={me} />
              <HeaderMenu me={me} />
            </div>
          ) : (
            <div className="app-header__meta">
              <UserBadge me={me} />
              <NotificationsLink me={me} />
              <LanguageSwitch />
            </div>
          )}
        </div>
        {narrow ? null : <MainNav me={me} />}
      </header>
      <PageAndFooter mainRef={mainRef} />
    </div>
  );
}

/** Header without menu for pages shown before signing in; `wide` for pages with tables (the public ISRC search). */
export function PublicLayout({ wide = false }: { wide?: boolean }) {
  const { t } = useTranslation();
  const narrow = useNarrowScreen();
  return (
    <div className="app-shell">
      <header className="app-header">
        <div className="app-header__bar">
          <span className="app-brand">{narrow ? t('app.shortName') : t('app.name')}</span>
          <div className="app-header__meta">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <PageAndFooter narrow={!wide} />
    </div>
  );
}
