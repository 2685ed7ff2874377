import type { ReactNode } from 'react';
import { ConfigProvider, type ThemeConfig } from 'antd';

const readable = { colorTextDisabled: 'rgba(0, 0, 0, 0.7)' };

/** Inputs only: disabled buttons keep looking disabled. */
const THEME: ThemeConfig = {
  components: { Input: readable, Select: readable, Radio: readable, Checkbox: readable },
};

/**
 * A read-only form is shown disabled; its values must stay readable (antd's disabled text is
 * 25 % black), so the inputs' disabled text is darkened inside.
 */
export function ReadableWhenDisabled({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={THEME}>{children}</ConfigProvider>;
}
