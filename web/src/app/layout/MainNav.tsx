import { NavLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../../src/accounts/accounts.schemas.js';
import { hasRole } from '../../features/auth/api';
import { MENU_ITEMS } from './menu';

export function MainNav({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // An applicant sees only 修改密碼 and 登出 (their application page is home) until approval.
  const items =
    me.user.role === 'applicant'
      ? MENU_ITEMS.filter((item) => item.to === '/change-password')
      : MENU_ITEMS.filter((item) => item.roles === undefined || hasRole(me, item.roles));
  // Through the 登出 page, so a form with unsaved edits asks before the session ends.
  const onLogout = () => void navigate('/logout');

  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to}>{t(`nav.${item.label}`)}</NavLink>
          </li>
        ))}
        <li>
          <button type="button" onClick={onLogout}>
            {t('nav.logout')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
