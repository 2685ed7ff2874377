import { useEffect } from 'react';
import type { i18n as I18n } from 'i18next';
import { focusableScrollRegions } from './scroll-regions';

/**
 * Ant Design names its icons for screen readers by the icon's English file name (`aria-label="down"`,
 * "close-circle", "ellipsis") and some of its buttons in English ("Clear", "Close"), whatever the
 * locale. Its locale and props cover only part of that, so this one place gives them names in the
 * user's language, or hides an icon that only decorates something already named.
 */

/** Keys under `antdLabels.` in the locale files. */
export type AntdLabelKey =
  'clear' | 'close' | 'previous' | 'next' | 'previousPages' | 'nextPages' | 'more' | 'search' | 'error' | 'success' | 'warning' | 'info' | 'loading';

/** What an icon is to its surroundings. */
export type IconPlace =
  /** The only content of a button or link: the icon names the control. */
  | 'control'
  /** The kind of a message (toast, alert, Popconfirm, result). */
  | 'status'
  /** Beside a text or inside something with a name of its own. */
  | 'decorative';

/** An icon that is all a control shows: what the control does. */
const CONTROL_ICONS: Readonly<Record<string, AntdLabelKey>> = {
  'close-circle': 'clear',
  close: 'close',
  left: 'previous',
  right: 'next',
  'double-left': 'previousPages',
  'double-right': 'nextPages',
  ellipsis: 'more',
  search: 'search',
};

/** An icon that says what kind of message it opens. */
const STATUS_ICONS: Readonly<Record<string, AntdLabelKey>> = {
  'close-circle': 'error',
  'check-circle': 'success',
  'exclamation-circle': 'warning',
  warning: 'warning',
  'info-circle': 'info',
  loading: 'loading',
};

/** antd's own English button labels. */
const ENGLISH_LABELS: Readonly<Record<string, AntdLabelKey>> = {
  Clear: 'clear',
  Close: 'close',
};

/**
 * The name an antd icon should have (a key under `antdLabels.`), or null: the icon is decorative
 * and is hidden from screen readers. An icon-only control whose icon is not known keeps antd's name
 * (undefined) rather than becoming a control without a name.
 */
export function iconLabelKey(icon: string, place: IconPlace): AntdLabelKey | null | undefined {
  switch (place) {
    case 'control':
      return Object.hasOwn(CONTROL_ICONS, icon) ? CONTROL_ICONS[icon] : undefined;
    case 'status':
      return Object.hasOwn(STATUS_ICONS, icon) ? (STATUS_ICONS[icon] ?? null) : null;
    case 'decorative':
      return null;
  }
}

/** The key of one of antd's English button labels, if it is one. */
export function englishLabelKey(label: string): AntdLabelKey | undefined {
  return Object.hasOwn(ENGLISH_LABELS, label) ? ENGLISH_LABELS[label] : undefined;
}

function englishOf(key: AntdLabelKey): string {
  return Object.keys(ENGLISH_LABELS).find((label) => ENGLISH_LABELS[label] === key) ?? key;
}

const ICON_SELECTOR = '.anticon[role="img"]';
const CONTROL_SELECTOR = 'button, a[href], [role="button"], [role="tab"]';
const STATUS_SELECTOR = '.ant-message-notice, .ant-notification-notice, .ant-alert, .ant-popconfirm, .ant-result, .ant-modal-confirm';
/** Where antd's English label is kept once translated, for a change of language. */
const LABEL_KEY_ATTRIBUTE = 'data-antd-label';

function iconName(icon: Element): string | undefined {
  for (const name of Array.from(icon.classList)) {
    if (name.startsWith('anticon-') && name !== 'anticon-spin') {
      return name.slice('anticon-'.length);
    }
  }
  return undefined;
}

/** Text of an element without its icons (a control with words is named by them). */
function textBesideIcons(element: Element): string {
  let text = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        text += child.textContent ?? '';
      } else if (child instanceof Element && !child.matches(ICON_SELECTOR)) {
        walk(child);
      }
    }
  };
  walk(element);
  return text.trim();
}

function placeOf(icon: Element): IconPlace {
  const control = icon.closest(CONTROL_SELECTOR);
  if (control !== null) {
    return control.hasAttribute('aria-label') || control.hasAttribute('aria-labelledby') || textBesideIcons(control) !== ''
      ? 'decorative'
      : 'control';
  }
  return icon.closest(STATUS_SELECTOR) !== null ? 'status' : 'decorative';
}

function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

/** Names (or hides) every antd icon and English label under `root`, in the current language. */
export function localizeAntdLabels(root: ParentNode, translate: (key: AntdLabelKey) => string): void {
  for (const icon of Array.from(root.querySelectorAll(ICON_SELECTOR))) {
    const name = iconName(icon);
    const key = name === undefined ? null : iconLabelKey(name, placeOf(icon));
    if (key === undefined) {
      continue;
    }
    if (key === null) {
      icon.removeAttribute('aria-label');
      setAttribute(icon, 'aria-hidden', 'true');
    } else {
      setAttribute(icon, 'aria-label', translate(key));
    }
  }
  for (const element of Array.from(root.querySelectorAll(`[aria-label]:not(${ICON_SELECTOR})`))) {
    // Once translated, the English is gone: the key kept beside it serves a change of language.
    const key = englishLabelKey(element.getAttribute('aria-label') ?? '') ?? englishLabelKey(element.getAttribute(LABEL_KEY_ATTRIBUTE) ?? '');
    if (key === undefined) {
      continue;
    }
    setAttribute(element, LABEL_KEY_ATTRIBUTE, englishOf(key));
    setAttribute(element, 'aria-label', translate(key));
  }
}

/**
 * Keeps the labels localized as antd renders (dialogs, toasts, popups) and when the language
 * changes; and keeps tables that scroll sideways with nothing to focus reachable by the keyboard
 * (scroll-regions.ts), also when the window is resized.
 */
export function useLocalizedAntdLabels(i18n: I18n): void {
  useEffect(() => {
    const run = () => {
      localizeAntdLabels(document.body, (key) => i18n.t(`antdLabels.${key}`));
      focusableScrollRegions(document.body, i18n.t('antdLabels.scrollRegion'));
    };
    run();
    const observer = new MutationObserver(run);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
    i18n.on('languageChanged', run);
    window.addEventListener('resize', run);
    return () => {
      observer.disconnect();
      i18n.off('languageChanged', run);
      window.removeEventListener('resize', run);
    };
  }, [i18n]);
}
