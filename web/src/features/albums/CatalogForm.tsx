import type { ReactNode } from 'react';
import { Form, type FormInstance, type FormProps } from 'antd';
import { labelWidth, useCatalogLocale } from './catalog-locale';
import { ReadableWhenDisabled } from './ReadableWhenDisabled';
import { useFocusFieldFromUrl } from './use-focus-field';

interface Props<Values> {
  form: FormInstance<Values>;
  /** The form's name (it prefixes the field ids) and which label width it takes. */
  name: 'album' | 'track';
  maxWidth: number;
  initialValues: FormProps<Values>['initialValues'];
  /** False: the form is shown disabled, still readable. */
  canEdit: boolean;
  onFinish: () => void;
  children: ReactNode;
}

/**
 * The album and track forms' frame: labels beside the inputs, sized for the language; read-only
 * when the user may not edit; the first error scrolled to and focused; `?focus=` honoured. The
 * server's errors are the form's own to show (useSaveError), beside its save button.
 */
export function CatalogForm<Values>({ form, name, maxWidth, initialValues, canEdit, onFinish, children }: Props<Values>) {
  const locale = useCatalogLocale();
  useFocusFieldFromUrl(form, true);
  return (
    <ReadableWhenDisabled>
      <Form<Values>
        form={form}
        name={name}
        layout="horizontal"
        labelCol={{ flex: labelWidth(locale, name) }}
        labelWrap
        style={{ maxWidth }}
        initialValues={initialValues}
        disabled={!canEdit}
        onFinish={onFinish}
        scrollToFirstError={{ block: 'center', focus: true }}
      >
        {children}
      </Form>
    </ReadableWhenDisabled>
  );
}
