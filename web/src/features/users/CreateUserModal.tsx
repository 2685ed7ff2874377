import { useState } from 'react';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../../../src/accounts/accounts.schemas.js';
import { FormModal } from '../../components/FormModal';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { newPasswordHelp, newPasswordRules, passwordCodeFields } from '../../lib/password-rules';

export interface NewUserValues {
  loginName: string;
  displayName: string;
  email?: string;
  password: string;
  role?: StaffRole;
}

interface Props {
  open: boolean;
  title: string;
  /** Staff accounts choose a role; registrant users do not. */
  withRole: boolean;
  pending: boolean;
  onSubmit: (values: NewUserValues) => Promise<unknown>;
  onClose: () => void;
}

const LOGIN_NAME_PATTERN = /^[A-Za-z0-9._-]+$/;
const FIELDS = ['loginName', 'displayName', 'email', 'password', 'role'] as const;

function clean(values: NewUserValues): NewUserValues {
  const email = values.email?.trim();
  return {
    ...values,
    loginName: values.loginName.trim(),
    displayName: values.displayName.trim(),
    ...(email ? { email } : { email: undefined }),
  };
}

export function CreateUserModal({ open, title, withRole, pending, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewUserValues>();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = (values: NewUserValues) => {
    setAlert(null);
    onSubmit(clean(values)).then(onClose, (error: unknown) => {
      if (
        !applyApiErrorToForm(form, error, {
          fields: FIELDS,
          codeFields: {
            LOGIN_NAME_TAKEN: 'loginName',
            ...passwordCodeFields('password'),
          },
        })
      ) {
        setAlert(error instanceof Error ? error.message : t('errors.unknown'));
      }
    });
  };

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
      {/* The form name prefixes the field ids (create-user_email), so they never clash with the page's own form. */}
      <Form form={form} name="create-user" layout="vertical" onFinish={onFinish} initialValues={withRole ? { role: 'agency_officer' } : {}}>
        <Form.Item
          label={t('users.fields.loginName')}
          name="loginName"
          extra={t('users.loginNameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('users.validation.loginNameRequired') },
            { min: 3, max: 64, message: t('users.validation.loginNameLength') },
            { pattern: LOGIN_NAME_PATTERN, message: t('users.validation.loginNamePattern') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.fields.displayName')}
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: t('users.validation.displayNameRequired') },
            { max: 100, message: t('validation.maxLength', { max: 100 }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.fields.email')}
          name="email"
          rules={[
            { type: 'email', message: t('validation.email') },
            { max: 200, message: t('validation.maxLength', { max: 200 }) },
          ]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        {withRole ? (
          <Form.Item label={t('users.fields.role')} name="role" rules={[{ required: true, message: t('users.validation.roleRequired') }]}>
            <Select options={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
          </Form.Item>
        ) : null}
        <Form.Item label={t('users.fields.initialPassword')} name="password" extra={newPasswordHelp(t)} rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
