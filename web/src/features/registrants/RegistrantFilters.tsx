import { useEffect } from 'react';
import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActiveStatus } from '../../../../src/accounts/accounts.schemas.js';
import type { RegistrantKind } from '../../../../src/registrants/registrants.schemas.js';
import { ACTIVE_STATUSES, REGISTRANT_KINDS } from './labels';

export interface FilterValues {
  q?: string;
  kind?: RegistrantKind;
  status?: ActiveStatus;
}

/** Search box (name) with kind and status filters; submits on Enter or 搜尋. */
export function RegistrantFilters({ value, onChange }: { value: FilterValues; onChange: (next: FilterValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();

  useEffect(() => {
    form.setFieldsValue({ q: value.q ?? '', kind: value.kind, status: value.status });
  }, [form, value.q, value.kind, value.status]);

  const submit = (values: FilterValues) => {
    const q = values.q?.trim();
    onChange({
      ...(q ? { q } : {}),
      ...(values.kind ? { kind: values.kind } : {}),
      ...(values.status ? { status: values.status } : {}),
    });
  };

  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item label={t('registrants.filter.q')} name="q">
        <Input allowClear placeholder={t('registrants.filter.qPlaceholder')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item label={t('registrants.fields.kind')} name="kind">
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('common.all')}
          options={REGISTRANT_KINDS.map((kind) => ({ value: kind, label: t(`registrantKind.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('registrants.fields.status')} name="status">
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('common.all')}
          options={ACTIVE_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.clear')}
        </Button>
      </Form.Item>
    </Form>
  );
}
