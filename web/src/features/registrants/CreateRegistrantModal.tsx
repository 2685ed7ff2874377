import { useState } from 'react';
import { App, Form, Radio } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CreateRegistrantBody } from '../../../../src/registrants/registrants.schemas.js';
import { FormModal } from '../../components/FormModal';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { useCreateRegistrant } from './api';
import { REGISTRANT_KINDS } from './labels';
import { REGISTRANT_FORM_FIELDS, RegistrantFormFields, cleanRegistrantValues } from './RegistrantFormFields';

/** 新增登記者: kind and name required; opens the new registrant's page when saved. */
export function CreateRegistrantModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateRegistrantBody>();
  const create = useCreateRegistrant();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = (values: CreateRegistrantBody) => {
    setAlert(null);
    create.mutate(cleanRegistrantValues(values), {
      onSuccess: (registrant) => {
        void message.success(t('registrants.created', { name: registrant.name }));
        onClose();
        void navigate(`/admin/registrants/${encodeURIComponent(registrant.id)}`);
      },
      onError: (error) => {
        if (!applyApiErrorToForm(form, error, { fields: REGISTRANT_FORM_FIELDS })) {
          setAlert(error.message);
        }
      },
    });
  };

  return (
    <FormModal
      open={open}
      title={t('registrants.create')}
      okText={t('common.save')}
      form={form}
      onCancel={onClose}
      pending={create.isPending}
      alert={alert}
      onAfterClose={() => setAlert(null)}
    >
      {/* The form name prefixes the field ids, so they never clash with the list's filter form (kind). */}
      <Form form={form} name="create-registrant" layout="vertical" onFinish={onFinish} initialValues={{ kind: 'company' }}>
        <Form.Item label={t('registrants.fields.kind')} name="kind" rules={[{ required: true, message: t('registrants.validation.kindRequired') }]}>
          <Radio.Group options={REGISTRANT_KINDS.map((kind) => ({ value: kind, label: t(`registrantKind.${kind}`) }))} />
        </Form.Item>
        <RegistrantFormFields />
      </Form>
    </FormModal>
  );
}
