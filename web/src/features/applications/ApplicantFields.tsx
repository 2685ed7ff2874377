import { Form, Input, Radio } from 'antd';
import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { registrationNumberProblem, type ReapplyBody } from '../../../../src/applications/applications.schemas.js';
import { REGISTRANT_KINDS, type RegistrantKind } from '../../../../src/shared/enums.js';

/** Same pattern as the API schema (ApplyBody.phone). */
const PHONE_PATTERN = /^[0-9+()#\- ]*$/;

/** The applicant's part of an application, as the form holds it. */
export type ApplicantValues = Omit<ReapplyBody, 'kind'> & { kind: RegistrantKind };

/** The fields of an application that describe the registrant-to-be (not the login). */
export const APPLICANT_FIELD_NAMES = ['kind', 'name', 'registrationNumber', 'contactPerson', 'address', 'phone', 'email'] as const;

/** The body the API takes: text trimmed, the registration number only where the kind has one. */
export function toApplicantBody(values: ApplicantValues): ReapplyBody {
  const contactPerson = values.contactPerson?.trim() ?? '';
  return {
    kind: values.kind,
    name: values.name.trim(),
    ...(values.kind === 'individual' ? {} : { registrationNumber: (values.registrationNumber ?? '').trim() }),
    ...(contactPerson === '' ? {} : { contactPerson }),
    address: values.address.trim(),
    phone: values.phone.trim(),
    email: values.email.trim(),
  };
}

/**
 * 申請者資料 inside an application form (申請登記者代碼, 重新申請): kind, name, registration number
 * where the kind has one, contact person, address, phone and e-mail, each checked as the API does.
 */
export function ApplicantFields() {
  const { t } = useTranslation('applications');
  const form = Form.useFormInstance<ApplicantValues>();
  const kind: RegistrantKind = Form.useWatch('kind', form) ?? 'company';

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

  return (
    <>
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
    </>
  );
}
