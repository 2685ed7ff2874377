import { useState } from 'react';
import { Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../src/accounts/accounts.schemas.js';
import type { ApplyBody } from '../../../../src/applications/applications.schemas.js';
import { FormAlert } from '../../components/FormAlert';
import { PageTitle } from '../../components/PageTitle';
import { isApiError } from '../../lib/api-client';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { passwordCodeFields } from '../../lib/password-rules';
import { APPLICANT_FIELD_NAMES, ApplicantFields, toApplicantBody, type ApplicantValues } from './ApplicantFields';
import { useApply } from './api';

/** Same pattern as the API schema (LoginName). */
const LOGIN_NAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;
const FIELDS = [...APPLICANT_FIELD_NAMES, 'loginName', 'password'];

type ApplyValues = ApplicantValues & Pick<ApplyBody, 'loginName' | 'password'> & { confirmPassword: string };

/** The body the API takes: the applicant's data, and the first login. */
function toBody(values: ApplyValues): ApplyBody {
  return { ...toApplicantBody(values), loginName: values.loginName.trim(), password: values.password };
}

/** 申請登記者代碼 (public): the registrant's data and the first login; fields follow the applicant type. */
export function ApplyPage() {
  const { t } = useTranslation('applications');
  const [form] = Form.useForm<ApplyValues>();
  const apply = useApply();
  const navigate = useNavigate();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = (values: ApplyValues) => {
    setAlert(null);
    apply.mutate(toBody(values), {
      onSuccess: () => void navigate('/application', { replace: true }),
      onError: (error) => {
        const placed = applyApiErrorToForm(form, error, {
          fields: FIELDS,
          codeFields: {
            LOGIN_NAME_TAKEN: 'loginName',
            ...passwordCodeFields('password'),
          },
        });
        if (!placed) {
          setAlert(isApiError(error) ? error.message : t('apply.unknownError'));
        }
      },
    });
  };

  return (
    <>
      <PageTitle title={t('apply.title')} />
      <Card>
        <Typography.Paragraph>{t('apply.intro')}</Typography.Paragraph>
        <FormAlert message={alert} />
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark initialValues={{ kind: 'company' }} scrollToFirstError>
          <h2 style={{ fontSize: 18, margin: '8px 0 16px' }}>{t('apply.sectionApplicant')}</h2>
          <ApplicantFields />

          <h2 style={{ fontSize: 18, margin: '8px 0 16px' }}>{t('apply.sectionAccount')}</h2>
          <Typography.Paragraph type="secondary">{t('apply.accountIntro')}</Typography.Paragraph>
          <Form.Item
            label={t('fields.loginName')}
            name="loginName"
            extra={t('apply.loginNameHelp')}
            rules={[
              { required: true, whitespace: true, message: t('apply.validation.loginName') },
              { pattern: LOGIN_NAME_PATTERN, message: t('apply.validation.loginNameFormat') },
            ]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            label={t('fields.password')}
            name="password"
            extra={t('apply.passwordHelp', { min: PASSWORD_MIN_LENGTH })}
            dependencies={['loginName']}
            rules={[
              { required: true, message: t('apply.validation.password') },
              { min: PASSWORD_MIN_LENGTH, message: t('apply.validation.passwordShort', { min: PASSWORD_MIN_LENGTH }) },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) => {
                  const login = String(getFieldValue('loginName') ?? '')
                    .trim()
                    .toLowerCase();
                  return value !== undefined && login !== '' && value.toLowerCase().includes(login)
                    ? Promise.reject(new Error(t('apply.validation.passwordSameAsLogin')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('fields.confirmPassword')}
            name="confirmPassword"
            dependencies={['password']}
            rules={[
              { required: true, message: t('apply.validation.confirmPassword') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  value === undefined || value === '' || value === getFieldValue('password')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('apply.validation.confirmMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={apply.isPending} block>
            {t('apply.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          {t('apply.haveAccount')}{' '}
          <Link to="/login" style={{ textDecoration: 'underline' }}>
            {t('apply.toLogin')}
          </Link>
        </Typography.Paragraph>
      </Card>
    </>
  );
}
