import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/me-context';
import { FormAlert } from '../../components/FormAlert';
import { PageTitle } from '../../components/PageTitle';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { newPasswordHelp, newPasswordRules, passwordCodeFields } from '../../lib/password-rules';
import { ApiTokensSection } from '../api-tokens/ApiTokensSection';
import { useChangePassword } from './api';

interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordForm>();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const changePassword = useChangePassword();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = ({ currentPassword, newPassword }: ChangePasswordForm) => {
    setAlert(null);
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('changePassword.done'));
          form.resetFields();
          void navigate('/');
        },
        onError: (error) => {
          const placed = applyApiErrorToForm(form, error, {
            fields: ['currentPassword', 'newPassword'],
            codeFields: {
              PASSWORD_INCORRECT: 'currentPassword',
              ...passwordCodeFields('newPassword'),
            },
          });
          if (!placed) {
            setAlert(error.message);
          }
        },
      },
    );
  };

  return (
    <div style={{ maxWidth: 960 }}>
      <PageTitle title={t('changePassword.title')} />
      {me.user.mustChangePassword ? <Alert type="info" showIcon title={t('changePassword.mustChange')} style={{ marginBottom: 16 }} /> : null}
      <Card style={{ maxWidth: 520 }}>
        <FormAlert message={alert} />
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item
            label={t('changePassword.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('changePassword.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label={t('changePassword.new')} name="newPassword" extra={newPasswordHelp(t)} rules={newPasswordRules(t)}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('changePassword.confirm')}
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('changePassword.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: unknown) =>
                  value === undefined || value === '' || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('changePassword.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
            {t('changePassword.submit')}
          </Button>
        </Form>
      </Card>
      {/* API 權杖 live on the account page, for registrant members once the password is their own. */}
      {me.user.role === 'registrant_member' && !me.user.mustChangePassword ? <ApiTokensSection /> : null}
    </div>
  );
}
