import type { ThemeConfig } from 'antd';

/**
 * antd tokens tuned for WCAG 2.1 AA contrast (4.5:1 for text on white):
 * the default blue, red, orange and 45 % grey text are too light.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    // The derived hover blue is about 2.9:1 on white; this one keeps links AA when hovered.
    colorLinkHover: '#003eb3',
    // Likewise the derived hover of primary buttons (about 3:1 under white text): the pointer rests
    // on a button just clicked, such as a search box's 搜尋, so its hover colour must stay AA.
    colorPrimaryHover: '#003eb3',
    colorError: '#cf1322',
    colorWarning: '#ad4e00',
    colorSuccess: '#237804',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans TC', 'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK TC', sans-serif",
  },
};
