import { theme } from 'antd';

/**
 * The four figures' colours from the Ant Design theme, in shades that keep 3:1 against white
 * (WCAG 1.4.11 for graphics): primary blue, green-7, red-6, purple-6.
 */
export function useStatColors(): Record<'reported' | 'approved' | 'returned' | 'deposited', string> {
  const { token } = theme.useToken();
  return { reported: token.colorPrimary, approved: token.green7, returned: token.red6, deposited: token.purple6 };
}
