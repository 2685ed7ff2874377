import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHONE_PATTERN } from './labels';

/** 名稱, 聯絡人, 地址, 電話, 電子郵件 — shared by the create and edit forms. */
export function RegistrantFormFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        label={t('registrants.fields.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('registrants.validation.nameRequired') },
          { max: 200, message: t('validation.maxLength', { max: 200 }) },
        ]}
      >
        <Input autoComplete="organization" />
      </Form.Item>
      <Form.Item
        label={t('registrants.fields.contactPerson')}
        name="contactPerson"
        rules={[{ max: 100, message: t('validation.maxLength', { max: 100 }) }]}
      >
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item label={t('registrants.fields.address')} name="address" rules={[{ max: 300, message: t('validation.maxLength', { max: 300 }) }]}>
        <Input autoComplete="street-address" />
      </Form.Item>
      <Form.Item
        label={t('registrants.fields.phone')}
        name="phone"
        rules={[
          { max: 50, message: t('validation.maxLength', { max: 50 }) },
          { pattern: PHONE_PATTERN, message: t('registrants.validation.phone') },
        ]}
      >
        <Input type="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item
        label={t('registrants.fields.email')}
        name="email"
        rules={[
          { type: 'email', message: t('validation.email') },
          { max: 200, message: t('validation.maxLength', { max: 200 }) },
        ]}
      >
        <Input type="email" autoComplete="email" />
      </Form.Item>
    </>
  );
}

export const REGISTRANT_FORM_FIELDS = ['kind', 'name', 'contactPerson', 'address', 'phone', 'email', 'status'] as const;

type ContactValues = Partial<Record<'contactPerson' | 'address' | 'phone' | 'email', string>>;

/** Trims what was typed; optional fields never touched (undefined) stay out of the body. */
export function cleanRegistrantValues<T extends ContactValues & { name?: string }>(values: T): T {
  const trim = (value: string | undefined) => (typeof value === 'string' ? { value: value.trim() } : undefined);
  const out: T = { ...values };
  for (const key of ['name', 'contactPerson', 'address', 'phone', 'email'] as const) {
    const trimmed = trim(out[key]);
    if (trimmed !== undefined) {
      out[key] = trimmed.value;
    }
  }
  return out;
}
