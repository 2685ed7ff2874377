import { lazy, type ComponentType, type ReactElement } from 'react';
import { Navigate, createBrowserRouter } from 'react-router';
import { ADMIN, STAFF } from '../features/auth/api';
import { PublicOnly, RequireAuth, RequireRole } from './guards';
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
const ChangeRequestsPage = page(() => import('../features/placeholders/placeholder-pages'), 'ChangeRequestsPage');
const UsedDesignationsPage = page(() => import('../features/placeholders/placeholder-pages'), 'UsedDesignationsPage');
const StatsPage = page(() => import('../features/placeholders/placeholder-pages'), 'StatsPage');
const ManualPage = page(() => import('../features/manual/ManualPage'), 'ManualPage');
const RegistrantListPage = page(() => import('../features/registrants/RegistrantListPage'), 'RegistrantListPage');
const RegistrantDetailPage = page(() => import('../features/registrants/RegistrantDetailPage'), 'RegistrantDetailPage');
const StaffUsersPage = page(() => import('../features/users/StaffUsersPage'), 'StaffUsersPage');
const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        { element: <PublicOnly />, children: [{ path: '/login', element: LoginPage }] },
        {
          path: '/',
          element: <RequireAuth />,
          children: [
            { index: true, element: <Navigate to="/albums" replace /> },
            { path: 'albums', element: AlbumsPage },
            { path: 'albums/:id', element: AlbumDetailPage },
            { path: 'albums/:id/tracks/:trackId', element: TrackPage },
            { path: 'change-requests', element: ChangeRequestsPage },
            { path: 'used-designations', element: UsedDesignationsPage },
            { path: 'stats', element: StatsPage },
            { path: 'manual', element: ManualPage },
            { path: 'change-password', element: ChangePasswordPage },
            { path: 'logout', element: LogoutPage },
            {
              element: <RequireRole roles={STAFF} />,
              children: [
                { path: 'admin/registrants', element: RegistrantListPage },
                { path: 'admin/registrants/:id', element: RegistrantDetailPage },
              ],
            },
            {
              element: <RequireRole roles={ADMIN} />,
              children: [
                { path: 'admin/users', element: StaffUsersPage },
                { path: 'admin/settings', element: SettingsPage },
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
