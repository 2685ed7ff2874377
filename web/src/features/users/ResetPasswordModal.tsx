import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, type UserResponse } from '../../../../src/accounts/accounts.schemas.js';
import { applyApiErrorToForm } from '../../lib/form-errors';
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
          const codeFields = { PASSWORD_TOO_WEAK: 'resetPassword' };
          if (!applyApiErrorToForm(form, error, { fields: ['resetPassword'], codeFields })) {
            setAlert(error.message);
          }
        },
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
      afterClose={() => setAlert(null)}
    >
      {alert === null ? null : <Alert type="error" showIcon role="alert" title={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={t('users.fields.newPassword')}
          name="resetPassword"
          extra={t('users.resetPasswordHelp')}
          rules={[
            { required: true, message: t('changePassword.newRequired') },
            { min: PASSWORD_MIN_LENGTH, message: t('changePassword.tooShort', { min: PASSWORD_MIN_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
