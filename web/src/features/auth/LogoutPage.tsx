import { useEffect, useRef } from 'react';
import { App, Spin } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import { useLogout } from './api';

/**
 * 登出 is a page, not a button action: reaching it is a navigation, so a form with unsaved edits
 * asks first (its leave guard blocks navigations), and only then is the session ended.
 */
export function LogoutPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) {
      return;
    }
    started.current = true;
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/login', { replace: true }),
      onError: (error) => {
        if (!(isApiError(error) && error.status === 401)) {
          void message.error(error.message);
        }
        void navigate('/login', { replace: true });
      },
    });
  }, [logout, message, navigate]);

  return <Spin description={t('nav.loggingOut')} fullscreen />;
}
