import { useState } from 'react';
import { App, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrantResponse, UpdateRegistrantBody } from '../../../../src/registrants/registrants.schemas.js';
import { FormAlert } from '../../components/FormAlert';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { useUpdateRegistrant } from './api';
import { REGISTRANT_FORM_FIELDS, RegistrantFormFields, cleanRegistrantValues } from './RegistrantFormFields';

type EditValues = Pick<RegistrantResponse, 'name' | 'contactPerson' | 'address' | 'phone' | 'email'>;

/** 基本資料: name and contact details; 儲存修改 sends them with PATCH. */
export function RegistrantEditForm({ registrant }: { registrant: RegistrantResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateRegistrant(registrant.id);
  const [alert, setAlert] = useState<string | null>(null);

  const initialValues: EditValues = {
    name: registrant.name,
    contactPerson: registrant.contactPerson,
    address: registrant.address,
    phone: registrant.phone,
    email: registrant.email,
  };

  const onFinish = (values: EditValues) => {
    setAlert(null);
    const body: UpdateRegistrantBody = cleanRegistrantValues(values);
    update.mutate(body, {
      onSuccess: (updated) => {
        void message.success(t('registrants.saved', { name: updated.name }));
        form.resetFields();
      },
      onError: (error) => {
        if (!applyApiErrorToForm(form, error, { fields: REGISTRANT_FORM_FIELDS })) {
          setAlert(error.message);
        }
      },
    });
  };

  return (
    <>
      <FormAlert message={alert} />
      <Form
        key={registrant.updatedAt}
        form={form}
        layout="horizontal"
        labelCol={{ flex: '8em' }}
        labelWrap
        style={{ maxWidth: 640 }}
        initialValues={initialValues}
        onFinish={onFinish}
      >
        <RegistrantFormFields />
        <Form.Item label={null}>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('common.saveChanges')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
