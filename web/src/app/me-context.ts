import { createContext, useContext } from 'react';
import type { MeResponse } from '../../../src/accounts/accounts.schemas.js';

export const MeContext = createContext<MeResponse | null>(null);

/** The signed-in user; only inside routes guarded by RequireAuth. */
export function useCurrentMe(): MeResponse {
  const me = useContext(MeContext);
  if (me === null) {
    throw new Error('useCurrentMe() used outside RequireAuth');
  }
  return me;
}
