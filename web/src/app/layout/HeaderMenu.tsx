import { useEffect, useState } from 'react';
import { MenuOutlined } from '@ant-design/icons';
import { Drawer } from 'antd';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../../src/accounts/accounts.schemas.js';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { UserBadge } from './UserBadge';

/**
 * The header's menu on a phone: one 「選單」 button that opens a drawer with who is signed in, the
 * language and the agency's menu, so the header stays one short row. Closes after a navigation.
 */
export function HeaderMenu({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  // Every navigation, even to the page already shown, has a new key.
  const { key } = useLocation();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    setOpen(false);
  }, [key]);

  return (
    <>
      <button type="button" className="app-menu-button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        <MenuOutlined aria-hidden />
        <span>{t('header.menu')}</span>
      </button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('header.menu')} placement="right" size={300} rootClassName="app-menu-drawer">
        <div className="app-menu-drawer__meta">
          <UserBadge me={me} />
          <LanguageSwitch />
        </div>
        <MainNav me={me} />
      </Drawer>
    </>
  );
}
