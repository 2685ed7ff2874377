import { App } from 'antd';
import { NavLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../../src/accounts/accounts.schemas.js';
import { hasRole, useLogout } from '../../features/auth/api';
import { isApiError } from '../../lib/api-client';
import { MENU_ITEMS } from './menu';

export function MainNav({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout();
  const items = MENU_ITEMS.filter((item) => item.roles === undefined || hasRole(me, item.roles));

  const onLogout = () => {
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/login', { replace: true }),
      onError: (error) => {
        if (isApiError(error) && error.status === 401) {
          void navigate('/login', { replace: true });
          return;
        }
        void message.error(error.message);
      },
    });
  };

  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to}>{t(`nav.${item.label}`)}</NavLink>
          </li>
        ))}
        <li>
          <button type="button" onClick={onLogout} disabled={logout.isPending}>
            {t('nav.logout')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
