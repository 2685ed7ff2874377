import { useState } from 'react';
import { Button, Card, Form, Input, Radio, Typography } from 'antd';
import type { FormRule } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../src/accounts/accounts.schemas.js';
import { registrationNumberProblem, type ApplyBody } from '../../../../src/applications/applications.schemas.js';
import { REGISTRANT_KINDS, type RegistrantKind } from '../../../../src/shared/enums.js';
import { FormAlert } from '../../components/FormAlert';
import { PageTitle } from '../../components/PageTitle';
import { isApiError } from '../../lib/api-client';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { useApply } from './api';

/** Same patterns as the API schema (ApplyBody, LoginName). */
const PHONE_PATTERN = /^[0-9+()#\- ]*$/;
const LOGIN_NAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;
const FIELDS = ['kind', 'name', 'registrationNumber', 'contactPerson', 'address', 'phone', 'email', 'loginName', 'password'] as const;

type ApplyValues = Omit<ApplyBody, 'kind'> & { kind: RegistrantKind; confirmPassword: string };

/** The body the API takes: text trimmed, the registration number only where the kind has one. */
function toBody(values: ApplyValues): ApplyBody {
  const contactPerson = values.contactPerson?.trim() ?? '';
  return {
    kind: values.kind,
    name: values.name.trim(),
    ...(values.kind === 'individual' ? {} : { registrationNumber: (values.registrationNumber ?? '').trim() }),
    ...(contactPerson === '' ? {} : { contactPerson }),
    address: values.address.trim(),
    phone: values.phone.trim(),
    email: values.email.trim(),
    loginName: values.loginName.trim(),
    password: values.password,
  };
}

/** 申請登記者代碼 (public): the registrant's data and the first login; fields follow the applicant type. */
export function ApplyPage() {
  const { t } = useTranslation('applications');
  const [form] = Form.useForm<ApplyValues>();
  const kind = Form.useWatch('kind', form) ?? 'company';
  const apply = useApply();
  const navigate = useNavigate();
  const [alert, setAlert] = useState<string | null>(null);

  const max = (limit: number): FormRule => ({ max: limit, message: t('apply.validation.maxLength', { max: limit }) });
  const numberRule: FormRule = {
    validator: (_rule, value: string | undefined) => {
      const problem = registrationNumberProblem(kind, value ?? '');
      if (problem === undefined) {
        return Promise.resolve();
      }
      const message =
        problem === 'required' ? t(`apply.validation.registrationNumber.required.${kind}`) : t(`apply.validation.registrationNumber.${problem}`);
      return Promise.reject(new Error(message));
    },
  };

  const onFinish = (values: ApplyValues) => {
    setAlert(null);
    apply.mutate(toBody(values), {
      onSuccess: () => void navigate('/application', { replace: true }),
      onError: (error) => {
        const placed = applyApiErrorToForm(form, error, {
          fields: FIELDS,
          codeFields: { LOGIN_NAME_TAKEN: 'loginName', PASSWORD_TOO_WEAK: 'password' },
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
          <Form.Item label={t('fields.kind')} name="kind" rules={[{ required: true, message: t('apply.validation.kind') }]}>
            <Radio.Group
              aria-label={t('fields.kind')}
              onChange={() => form.setFields([{ name: 'registrationNumber', errors: [] }])}
              options={REGISTRANT_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t(`fields.name.${kind}`)}
            name="name"
            rules={[{ required: true, whitespace: true, message: t(`apply.validation.name.${kind}`) }, max(200)]}
          >
            <Input autoComplete={kind === 'individual' ? 'name' : 'organization'} />
          </Form.Item>
          {kind === 'individual' ? null : (
            <Form.Item
              label={t(`fields.registrationNumber.${kind}`)}
              name="registrationNumber"
              required
              extra={t(`apply.numberHelp.${kind}`)}
              rules={[numberRule]}
              validateTrigger="onBlur"
            >
              <Input inputMode={kind === 'company' ? 'numeric' : 'text'} maxLength={20} />
            </Form.Item>
          )}
          <Form.Item
            label={t('fields.contactPerson')}
            name="contactPerson"
            extra={kind === 'individual' ? t('apply.contactHelpIndividual') : undefined}
            rules={[{ required: kind !== 'individual', whitespace: true, message: t('apply.validation.contactPerson') }, max(100)]}
          >
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item
            label={t('fields.address')}
            name="address"
            rules={[{ required: true, whitespace: true, message: t('apply.validation.address') }, max(300)]}
          >
            <Input autoComplete="street-address" />
          </Form.Item>
          <Form.Item
            label={t('fields.phone')}
            name="phone"
            rules={[
              { required: true, whitespace: true, message: t('apply.validation.phone') },
              { pattern: PHONE_PATTERN, message: t('apply.validation.phoneFormat') },
              max(50),
            ]}
          >
            <Input type="tel" autoComplete="tel" />
          </Form.Item>
          <Form.Item
            label={t('fields.email')}
            name="email"
            rules={[
              { required: true, whitespace: true, message: t('apply.validation.email') },
              { type: 'email', message: t('apply.validation.emailFormat') },
              max(200),
            ]}
          >
            <Input type="email" autoComplete="email" />
          </Form.Item>

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
            dependencies={['loginName']}
            rules={[
              { required: true, message: t('apply.validation.password') },
              { min: PASSWORD_MIN_LENGTH, message: t('apply.validation.passwordShort', { min: PASSWORD_MIN_LENGTH }) },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) => {
                  const login = String(getFieldValue('loginName') ?? '')
                    .trim()
                    .toLowerCase();
                  return value !== undefined && login !== '' && value.trim().toLowerCase() === login
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
