import { useState } from 'react';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserResponse } from '../../../../src/accounts/accounts.schemas.js';
import { FormModal } from '../../components/FormModal';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { newPasswordRules, passwordCodeFields } from '../../lib/password-rules';
import { useUpdateUser } from './api';

/** Sets a temporary password; the user must change it at the next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ resetPassword: string }>();
  const update = useUpdateUser();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = ({ resetPassword }: { resetPassword: string }) => {
    if (user === null) {
      return;
    }
    setAlert(null);
    update.mutate(
      { id: user.id, body: { resetPassword } },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (error) => {
          const codeFields = passwordCodeFields('resetPassword');
          if (!applyApiErrorToForm(form, error, { fields: ['resetPassword'], codeFields })) {
            setAlert(error.message);
          }
        },
      },
    );
  };

  return (
    <FormModal
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      okText={t('common.save')}
      form={form}
      onCancel={onClose}
      pending={update.isPending}
      alert={alert}
      onAfterClose={() => setAlert(null)}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('users.fields.newPassword')} name="resetPassword" extra={t('users.resetPasswordHelp')} rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
