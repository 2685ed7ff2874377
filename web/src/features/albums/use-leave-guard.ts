import { useCallback, useEffect, useRef } from 'react';
import { App } from 'antd';
import { useBlocker, type BlockerFunction } from 'react-router';
import { useTranslation } from 'react-i18next';
import { leavesPage } from './unsaved-changes';

/**
 * Asks before leaving a form with unsaved changes: links, the menu and the browser's back button
 * (react-router's blocker, with a dialog in the agency's words), and closing or reloading the tab
 * (the browser's own beforeunload prompt). `hasChanges` is asked at the moment of leaving.
 */
export function useLeaveGuard(hasChanges: () => boolean): void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const hasChangesRef = useRef(hasChanges);
  useEffect(() => {
    hasChangesRef.current = hasChanges;
  });

  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => leavesPage(currentLocation, nextLocation) && hasChangesRef.current(),
    [],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (blocker.state !== 'blocked') {
      return undefined;
    }
    const dialog = modal.confirm({
      title: t('leaveGuard.title'),
      content: t('leaveGuard.text'),
      okText: t('leaveGuard.leave'),
      okButtonProps: { danger: true },
      cancelText: t('leaveGuard.stay'),
      focusable: { autoFocusButton: 'cancel' },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
    return () => dialog.destroy();
  }, [blocker, modal, t]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (hasChangesRef.current()) {
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
