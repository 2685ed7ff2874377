import { BellOutlined } from '@ant-design/icons';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../../src/accounts/accounts.schemas.js';
import { useUnreadCount } from '../../features/notifications/api';

/**
 * 通知 in the header, for everyone signed in, with the unread count (asked again every minute).
 * Its accessible name says the count in words, 「通知，3 則未讀」, from hidden text rather than an
 * aria-label: the visible "Notifications" and "3" cannot both sit inside an English label word for
 * word (axe's label-content-name-mismatch), while text the link holds is its name by definition.
 */
export function NotificationsLink({ me }: { me: MeResponse }) {
  const { t } = useTranslation('notifications');
  const { data: unread } = useUnreadCount(!me.user.mustChangePassword);
  const count = unread ?? 0;
  const label = count > 0 ? t('linkUnread', { count }) : t('link');
  return (
    <NavLink to="/notifications" className="notifications-link">
      <BellOutlined aria-hidden />
      <span className="visually-hidden">{label}</span>
      <span aria-hidden="true">{t('link')}</span>
      {count > 0 ? (
        <span className="notifications-link__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </NavLink>
  );
}
