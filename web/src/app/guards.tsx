import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import type { Role } from '../../../src/accounts/accounts.schemas.js';
import { STAFF, hasRole, useMe } from '../features/auth/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoading } from '../components/PageLoading';
import { ForbiddenPage } from './status-pages';
import { AppLayout, PublicLayout } from './layout/AppLayout';
import { MeContext, useCurrentMe } from './me-context';
import { staffPlaceFor } from './registrant-only';
import { RegistrantPageNotice } from '../features/review/RegistrantPageNotice';

const CHANGE_PASSWORD = '/change-password';
/** All an applicant may open until the application is approved (the server says the same: APPLICATION_PENDING). */
const APPLICANT_PATHS: readonly string[] = ['/application', CHANGE_PASSWORD, '/logout'];

function BareMain({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="app-main app-main--narrow">
      {children}
    </main>
  );
}

/** Signed-in area: loads /auth/me, sends visitors to the login page, and first-time users to change their password. */
export function RequireAuth() {
  const { pathname, search } = useLocation();
  const me = useMe();
  if (me.isPending) {
    return (
      <BareMain>
        <PageLoading />
      </BareMain>
    );
  }
  if (me.isError) {
    return (
      <BareMain>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </BareMain>
    );
  }
  if (me.data === null) {
    const next = `${pathname}${search}`;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  if (me.data.user.mustChangePassword && pathname !== CHANGE_PASSWORD) {
    return <Navigate to={CHANGE_PASSWORD} replace />;
  }
  if (me.data.user.role === 'applicant' && !APPLICANT_PATHS.includes(pathname)) {
    return <Navigate to="/application" replace />;
  }
  return (
    <MeContext.Provider value={me.data}>
      <AppLayout me={me.data} />
    </MeContext.Provider>
  );
}

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** Pages for visitors (login): once signed in, go to ?next= (or the role's home, see HomeRedirect), or first change the password. */
export function PublicOnly() {
  const me = useMe();
  const [searchParams] = useSearchParams();
  if (me.isPending) {
    return (
      <BareMain>
        <PageLoading />
      </BareMain>
    );
  }
  if (me.data) {
    const to = me.data.user.mustChangePassword ? CHANGE_PASSWORD : safeNext(searchParams.get('next'));
    return <Navigate to={to} replace />;
  }
  return <PublicLayout />;
}

export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const me = useCurrentMe();
  return hasRole(me, roles) ? <Outlet /> : <ForbiddenPage />;
}

/**
 * Registrant pages (albums, 出版者資料異動申請單, the application) opened by staff: sent to their own
 * desk, or the page under a notice linking to it (see registrant-only.ts).
 */
export function RegistrantOnly() {
  const me = useCurrentMe();
  const { pathname } = useLocation();
  if (!hasRole(me, STAFF)) {
    return <Outlet />;
  }
  const place = staffPlaceFor(pathname);
  if (place.kind === 'redirect') {
    return <Navigate to={place.to} replace />;
  }
  return (
    <>
      <RegistrantPageNotice to={place.to} link={place.link} />
      <Outlet />
    </>
  );
}

/** Where "/" leads: officers to their review work, applicants to their application, registrants to their albums. */
export function HomeRedirect() {
  const me = useCurrentMe();
  const role = me.user.role;
  const to = role === 'applicant' ? '/application' : role === 'registrant_member' ? '/albums' : '/review';
  return <Navigate to={to} replace />;
}
