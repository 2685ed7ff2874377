import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import type { MeResponse } from '../../../src/accounts/accounts.schemas.js';
import { setPasswordChangeRequiredHandler, setUnauthorizedHandler } from '../lib/api-client';
import { meQueryKey } from '../features/auth/api';
import { agencyQuery } from '../features/agency/use-agency';
import { Providers } from './providers';
import { createQueryClient } from './query-client';
import { createRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);

  // The agency's zone and clock, before anything shows a date or checks a year of reference. On failure
  // the screens use Asia/Taipei and the browser's clock, and useAgency() asks again when it mounts.
  useEffect(() => {
    queryClient.query(agencyQuery).catch(() => undefined);
  }, [queryClient]);

  // Session ended (401): forget the user; RequireAuth then sends them to the login page.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.setQueryData(meQueryKey, null);
    });
    return () => setUnauthorizedHandler(undefined);
  }, [queryClient]);

  // The password must be changed first (a generated or reset one): RequireAuth then sends the user to 修改密碼.
  useEffect(() => {
    setPasswordChangeRequiredHandler(() => {
      queryClient.setQueryData<MeResponse | null>(meQueryKey, (me) => (me ? { ...me, user: { ...me.user, mustChangePassword: true } } : me));
    });
    return () => setPasswordChangeRequiredHandler(undefined);
  }, [queryClient]);

  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
