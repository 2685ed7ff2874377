import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyApiErrorToForm, revealFirstError, type ApplyErrorOptions } from '../../lib/form-errors';

export interface SaveErrorReport {
  /** The message no field could show, for a FormAlert beside the save button (null: none). */
  alert: string | null;
  /** Shows a failed save where the user sees it. */
  report: (error: unknown) => void;
  clear: () => void;
}

/**
 * The album and track forms' server errors, seen wherever they land: a field's error is put on the
 * field, the form scrolls to it and focuses it, and a toast says the save failed (the button the
 * user clicked may be far below); anything else shows beside the save button (`alert`).
 */
export function useSaveError(form: FormInstance, options: ApplyErrorOptions): SaveErrorReport {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);

  const report = (error: unknown) => {
    const text = error instanceof Error && error.message !== '' ? error.message : t('errors.unknown');
    if (applyApiErrorToForm(form, error, options) && revealFirstError(form) !== undefined) {
      setAlert(null);
      void message.error({ content: t('catalogForm.notSaved', { reason: text }), key: 'catalog-save-error' });
      return;
    }
    setAlert(text);
  };

  return { alert, report, clear: () => setAlert(null) };
}
