import { useEffect, useState } from 'react';
import { Alert, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { useCodeSuggestion } from './api';
import { REGISTRANT_CODE_INPUT_PATTERN } from '../../../../src/isrc/index.js';
import { useAgency } from '../agency/use-agency';
import { AllocatedYearField } from './AllocatedYearField';

/** The API's own pattern (lower case is upper-cased by the server). */
const CODE_PATTERN = new RegExp(REGISTRANT_CODE_INPUT_PATTERN);

/** What the dialog submits: the code, and the year it was allocated (this year unless carried over). */
export interface NewCodeValues {
  code: string;
  allocatedYear: number;
}

interface Props {
  open: boolean;
  title: string;
  /** Saves the code; rejects with the API error. */
  onSubmit: (values: NewCodeValues) => Promise<unknown>;
  onClose: () => void;
  pending: boolean;
}

/**
 * A three-character registrant code, prefilled with the server's next free suggestion, and the
 * year it was allocated: this year, or an earlier one for a code carried over from an earlier system.
 */
export function AddCodeModal({ open, title, onSubmit, onClose, pending }: Props) {
  const { t } = useTranslation();
  const { agencyYear } = useAgency();
  const [form] = Form.useForm<NewCodeValues>();
  const suggestion = useCodeSuggestion(open);
  const [alert, setAlert] = useState<string | null>(null);

  useEffect(() => {
    if (open && suggestion.data && !form.isFieldTouched('code')) {
      form.setFieldsValue({ code: suggestion.data.code });
    }
  }, [open, suggestion.data, form]);

  const onFinish = (values: NewCodeValues) => {
    setAlert(null);
    onSubmit(values).then(onClose, (error: unknown) => {
      const codeFields = { REGISTRANT_CODE_TAKEN: 'code', REGISTRANT_CODE_NOT_ALLOWED: 'code' };
      if (!applyApiErrorToForm(form, error, { fields: ['code', 'allocatedYear'], codeFields })) {
        setAlert(error instanceof Error ? error.message : t('errors.unknown'));
      }
    });
  };

  const countryCode = suggestion.data?.countryCode;
  return (
    <FormModal
      open={open}
      title={title}
      okText={t('common.save')}
      form={form}
      onCancel={onClose}
      pending={pending}
      alert={alert}
      onAfterClose={() => setAlert(null)}
    >
      {suggestion.isError ? (
        <Alert type="warning" showIcon title={t('codes.noSuggestion')} description={suggestion.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ allocatedYear: agencyYear() }}>
        <Form.Item
          label={t('codes.code')}
          name="code"
          extra={t('codes.codeHelp')}
          normalize={(value: unknown) => (typeof value === 'string' ? value.toUpperCase().trim() : value)}
          rules={[
            { required: true, message: t('codes.codeRequired') },
            { pattern: CODE_PATTERN, message: t('codes.codePattern') },
          ]}
        >
          <Input maxLength={3} autoComplete="off" style={{ width: 160 }} {...(countryCode === undefined ? {} : { prefix: `${countryCode}-` })} />
        </Form.Item>
        <AllocatedYearField />
      </Form>
      {suggestion.isFetching ? <Typography.Text>{t('codes.loadingSuggestion')}</Typography.Text> : null}
    </FormModal>
  );
}
