import { useState } from 'react';
import { Button, Card, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoginBody } from '../../../../src/accounts/accounts.schemas.js';
import { FormAlert } from '../../components/FormAlert';
import { PageTitle } from '../../components/PageTitle';
import { isApiError } from '../../lib/api-client';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { useLogin } from './api';

export function LoginPage() {
  const { t } = useTranslation();
  const { t: tApply } = useTranslation('applications');
  const { t: tPublic } = useTranslation('publicSearch');
  const [form] = Form.useForm<LoginBody>();
  const login = useLogin();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = (values: LoginBody) => {
    setAlert(null);
    login.mutate(values, {
      // Where to go next is decided by PublicOnly once the session is known (see app/guards.tsx).
      onError: (error) => {
        const placed = applyApiErrorToForm(form, error, { fields: ['loginName', 'password'] });
        if (!placed) {
          setAlert(isApiError(error) || error instanceof Error ? error.message : t('errors.unknown'));
        }
      },
    });
  };

  return (
    <>
      <PageTitle title={t('login.title')} />
      <Card>
        <FormAlert message={alert} />
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark>
          <Form.Item
            label={t('login.loginName')}
            name="loginName"
            rules={[{ required: true, whitespace: true, message: t('login.loginNameRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={login.isPending} block>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          {tApply('apply.noCodeYet')}{' '}
          <Link to="/apply" style={{ textDecoration: 'underline' }}>
            {tApply('apply.title')}
          </Link>
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {tPublic('loginLink.text')}{' '}
          <Link to="/isrc-search" style={{ textDecoration: 'underline' }}>
            {tPublic('loginLink.link')}
          </Link>
        </Typography.Paragraph>
      </Card>
    </>
  );
}
