import type { Role } from '../../../../src/accounts/accounts.schemas.js';
import { ADMIN, STAFF } from '../../features/auth/api';

export interface MenuItem {
  to: string;
  /** Key under `nav.` in the locale files. */
  label: 'albums' | 'changeRequests' | 'usedDesignations' | 'stats' | 'manual' | 'registrants' | 'users' | 'settings' | 'changePassword';
  roles?: readonly Role[];
}

/** The agency's top menu, in the order of its guide, then the staff functions. */
export const MENU_ITEMS: readonly MenuItem[] = [
  { to: '/albums', label: 'albums' },
  { to: '/change-requests', label: 'changeRequests' },
  { to: '/used-designations', label: 'usedDesignations' },
  { to: '/stats', label: 'stats' },
  { to: '/manual', label: 'manual' },
  { to: '/admin/registrants', label: 'registrants', roles: STAFF },
  { to: '/admin/users', label: 'users', roles: ADMIN },
  { to: '/admin/settings', label: 'settings', roles: ADMIN },
  { to: '/change-password', label: 'changePassword' },
];
