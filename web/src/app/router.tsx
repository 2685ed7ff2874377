import { lazy, type ComponentType, type ReactElement } from 'react';
import { createBrowserRouter } from 'react-router';
import { ADMIN, STAFF } from '../features/auth/api';
import { HomeRedirect, PublicOnly, RegistrantOnly, RequireAuth, RequireRole } from './guards';
import { PublicLayout } from './layout/AppLayout';
import { NotFoundPage, RouteErrorPage } from './status-pages';

/** Each page is its own chunk, loaded when first visited. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactElement {
  const Page: ComponentType = lazy(async () => {
    const component: ComponentType = (await load())[name];
    return { default: component };
  });
  return <Page />;
}

const LoginPage = page(() => import('../features/auth/LoginPage'), 'LoginPage');
const LogoutPage = page(() => import('../features/auth/LogoutPage'), 'LogoutPage');
const ChangePasswordPage = page(() => import('../features/auth/ChangePasswordPage'), 'ChangePasswordPage');
const AlbumsPage = page(() => import('../features/albums/AlbumsPage'), 'AlbumsPage');
const AlbumDetailPage = page(() => import('../features/albums/AlbumDetailPage'), 'AlbumDetailPage');
const TrackPage = page(() => import('../features/tracks/TrackPage'), 'TrackPage');
const ChangeRequestsPage = page(() => import('../features/change-requests/ChangeRequestsPage'), 'ChangeRequestsPage');
const UsedDesignationsPage = page(() => import('../features/used-designations/UsedDesignationsPage'), 'UsedDesignationsPage');
const StatsPage = page(() => import('../features/stats/StatsPage'), 'StatsPage');
const ManualPage = page(() => import('../features/manual/ManualPage'), 'ManualPage');
const RegistrantListPage = page(() => import('../features/registrants/RegistrantListPage'), 'RegistrantListPage');
const RegistrantDetailPage = page(() => import('../features/registrants/RegistrantDetailPage'), 'RegistrantDetailPage');
const StaffUsersPage = page(() => import('../features/users/StaffUsersPage'), 'StaffUsersPage');
const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const ReviewQueuePage = page(() => import('../features/review/ReviewQueuePage'), 'ReviewQueuePage');
const ReviewAlbumPage = page(() => import('../features/review/ReviewAlbumPage'), 'ReviewAlbumPage');
const NotificationsPage = page(() => import('../features/notifications/NotificationsPage'), 'NotificationsPage');
const ApplyPage = page(() => import('../features/applications/ApplyPage'), 'ApplyPage');
const ApplicationStatusPage = page(() => import('../features/applications/ApplicationStatusPage'), 'ApplicationStatusPage');
const ApplicationsDeskPage = page(() => import('../features/applications/ApplicationsDeskPage'), 'ApplicationsDeskPage');
const ApplicationDetailPage = page(() => import('../features/applications/ApplicationDetailPage'), 'ApplicationDetailPage');
const ChangeRequestDeskPage = page(() => import('../features/change-requests/ChangeRequestDeskPage'), 'ChangeRequestDeskPage');
const ChangeRequestDetailPage = page(() => import('../features/change-requests/ChangeRequestDetailPage'), 'ChangeRequestDetailPage');
const DepositDeskPage = page(() => import('../features/deposit/DepositDeskPage'), 'DepositDeskPage');
const FixityPage = page(() => import('../features/fixity/FixityPage'), 'FixityPage');
const JobsPage = page(() => import('../features/jobs/JobsPage'), 'JobsPage');
const SearchPage = page(() => import('../features/search/SearchPage'), 'SearchPage');
const AuditLogPage = page(() => import('../features/audit-log/AuditLogPage'), 'AuditLogPage');
const PublicSearchPage = page(() => import('../features/public-search/PublicSearchPage'), 'PublicSearchPage');
const ImportPage = page(() => import('../features/import/ImportPage'), 'ImportPage');

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        {
          element: <PublicOnly />,
          children: [
            { path: '/login', element: LoginPage },
            { path: '/apply', element: ApplyPage },
          ],
        },
        {
          // Open to everyone, signed in or not: no redirect away once logged in.
          element: <PublicLayout wide />,
          children: [{ path: '/isrc-search', element: PublicSearchPage }],
        },
        {
          path: '/',
          element: <RequireAuth />,
          children: [
            { index: true, element: <HomeRedirect /> },
            {
              element: <RegistrantOnly />,
              children: [
                { path: 'albums', element: AlbumsPage },
                { path: 'albums/:id', element: AlbumDetailPage },
                { path: 'albums/:id/tracks/:trackId', element: TrackPage },
                { path: 'change-requests', element: ChangeRequestsPage },
                { path: 'application', element: ApplicationStatusPage },
                { path: 'import', element: ImportPage },
              ],
            },
            { path: 'used-designations', element: UsedDesignationsPage },
            { path: 'stats', element: StatsPage },
            { path: 'manual', element: ManualPage },
            { path: 'change-password', element: ChangePasswordPage },
            { path: 'logout', element: LogoutPage },
            { path: 'notifications', element: NotificationsPage },
            {
              element: <RequireRole roles={STAFF} />,
              children: [
                { path: 'admin/registrants', element: RegistrantListPage },
                { path: 'admin/registrants/:id', element: RegistrantDetailPage },
                { path: 'review', element: ReviewQueuePage },
                { path: 'review/:id', element: ReviewAlbumPage },
                { path: 'admin/applications', element: ApplicationsDeskPage },
                { path: 'admin/applications/:id', element: ApplicationDetailPage },
                { path: 'admin/change-requests', element: ChangeRequestDeskPage },
                { path: 'admin/change-requests/:id', element: ChangeRequestDetailPage },
                { path: 'admin/deposits', element: DepositDeskPage },
                { path: 'admin/fixity', element: FixityPage },
                { path: 'admin/search', element: SearchPage },
                { path: 'admin/audit', element: AuditLogPage },
                { path: 'admin/settings', element: SettingsPage },
              ],
            },
            {
              element: <RequireRole roles={ADMIN} />,
              children: [
                { path: 'admin/users', element: StaffUsersPage },
                { path: 'admin/jobs', element: JobsPage },
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
