import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhTW from 'antd/locale/zh_TW';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '../lib/i18n';
import { useLocalizedAntdLabels } from './antd-labels';
import { theme } from './theme';

function popupContainer(trigger?: HTMLElement): HTMLElement {
  return trigger?.closest('main') ?? document.body;
}

/** Toasts too (they are fixed-position, so the container does not move them). */
function messageContainer(): HTMLElement {
  return document.querySelector('main') ?? document.body;
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeReducedMotion(onChange: () => void): () => void {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * layout.css turns CSS animations off when the user asks for reduced motion; antd must then not
 * animate either: its dialogs wait for an animation that never ends, so they would stay invisible
 * and, once closed, leave an invisible layer over the page that swallows every click.
 */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribeReducedMotion, () => window.matchMedia(REDUCED_MOTION).matches);
}

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const locale = instance.language === 'en' ? enUS : zhTW;
  const reducedMotion = usePrefersReducedMotion();
  const themeConfig = useMemo(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);
  // antd's icons and a few of its buttons are named in English whatever the locale.
  useLocalizedAntdLabels(instance);
  return (
    // autoInsertSpace off: antd would render 「登入」 as 「登 入」, unlike the agency's guide and screen-reader names.
    // Popups (Select, Popconfirm) open inside <main>, not loose in <body>, so all content stays in landmarks.
    <ConfigProvider locale={locale} theme={themeConfig} button={{ autoInsertSpace: false }} getPopupContainer={popupContainer}>
      <AntdApp message={{ getContainer: messageContainer }}>{children}</AntdApp>
    </ConfigProvider>
  );
}

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedAntd>{children}</LocalizedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
