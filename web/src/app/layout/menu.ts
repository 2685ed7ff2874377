import type { Role } from '../../../../src/accounts/accounts.schemas.js';
import { ADMIN, MEMBER, STAFF } from '../../features/auth/api';

export interface MenuItem {
  to: string;
  /** Key under `nav.` in the locale files. */
  label:
    | 'albums'
    | 'changeRequests'
    | 'usedDesignations'
    | 'stats'
    | 'manual'
    | 'review'
    | 'registrants'
    | 'applications'
    | 'changeRequestDesk'
    | 'deposits'
    | 'fixity'
    | 'search'
    | 'auditLog'
    | 'users'
    | 'jobs'
    | 'settings'
    | 'changePassword';
  roles?: readonly Role[];
}

/** The registrant's menu in the order of the agency's guide; the officer's menu in the order of their day. */
export const MENU_ITEMS: readonly MenuItem[] = [
  { to: '/albums', label: 'albums', roles: MEMBER },
  { to: '/change-requests', label: 'changeRequests', roles: MEMBER },
  { to: '/review', label: 'review', roles: STAFF },
  { to: '/admin/registrants', label: 'registrants', roles: STAFF },
  { to: '/admin/applications', label: 'applications', roles: STAFF },
  { to: '/admin/change-requests', label: 'changeRequestDesk', roles: STAFF },
  { to: '/admin/deposits', label: 'deposits', roles: STAFF },
  { to: '/admin/fixity', label: 'fixity', roles: STAFF },
  { to: '/admin/search', label: 'search', roles: STAFF },
  { to: '/admin/audit', label: 'auditLog', roles: STAFF },
  { to: '/used-designations', label: 'usedDesignations' },
  { to: '/stats', label: 'stats' },
  { to: '/manual', label: 'manual' },
  { to: '/admin/users', label: 'users', roles: ADMIN },
  { to: '/admin/jobs', label: 'jobs', roles: ADMIN },
  { to: '/admin/settings', label: 'settings', roles: STAFF },
  { to: '/change-password', label: 'changePassword' },
];
