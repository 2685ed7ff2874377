import { useEffect } from 'react';
import type { FormInstance } from 'antd';
import { useSearchParams } from 'react-router';

/** The search parameter a submission problem links with: `?focus=title`. */
export const FOCUS_PARAM = 'focus';

function namePathOf(field: string): (string | number)[] {
  return field === 'credits' ? ['credits', 0, 'names', 0] : [field];
}

/**
 * Moves focus to the field named by `?focus=` once the form is shown, shows that field's message,
 * and drops the parameter. Runs after the layout's own focus-on-navigation (a timer, not an effect).
 */
export function useFocusFieldFromUrl(form: FormInstance, ready: boolean): void {
  const [params, setParams] = useSearchParams();
  const focus = params.get(FOCUS_PARAM);

  useEffect(() => {
    if (focus === null || !ready) {
      return undefined;
    }
    const timer = window.setTimeout(() => {
      const name = namePathOf(focus);
      form.scrollToField(name, { block: 'center' });
      form.focusField(name);
      if (focus !== 'credits') {
        form.validateFields([name]).catch(() => undefined);
      }
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.delete(FOCUS_PARAM);
          return next;
        },
        { replace: true },
      );
    }, 0);
    return () => window.clearTimeout(timer);
  }, [focus, ready, form, setParams]);
}
