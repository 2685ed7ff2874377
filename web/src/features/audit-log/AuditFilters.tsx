import { useEffect } from 'react';
import { AutoComplete, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegistrantPicker } from '../registrants/RegistrantPicker';
import type { AuditFilter } from './audit-filter';
import { KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from './audit-labels';
import { DayRangePicker } from '../../components/DayRangePicker';
import type { DayRange } from '../../lib/calendar-day';

type Values = Omit<AuditFilter, 'page'>;
/** The form's own values: the two days are one range picker. */
type FormValues = Omit<Values, 'from' | 'to'> & { period?: DayRange };

function formValuesOf({ from, to, ...rest }: AuditFilter): FormValues {
  return { ...rest, period: { from, to } };
}

/** 稽核紀錄 filters: user, registrant, object type and id, action, agency-calendar days. */
export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange: (next: Values) => void }) {
  const { t } = useTranslation('auditLog');
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(formValuesOf(value));
  }, [form, value]);

  const submit = ({ period, ...values }: FormValues) => {
    const next: Values = {};
    for (const [key, raw] of Object.entries({ ...values, ...period }) as [keyof Values, string | undefined][]) {
      const v = raw?.trim();
      if (v !== undefined && v !== '') {
        next[key] = v;
      }
    }
    // A user picked by clicking an entry stays chosen until the login box is used instead.
    if (value.actorUserId !== undefined && next.actorLogin === undefined) {
      next.actorUserId = value.actorUserId;
    }
    onChange(next);
  };

  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item label={t('filters.actor')} name="actorLogin">
        <Input
          allowClear
          placeholder={value.actorUserId === undefined ? t('filters.actorPlaceholder') : t('filters.actorSelected')}
          style={{ width: 160 }}
        />
      </Form.Item>
      <Form.Item label={t('filters.registrant')} name="registrantId">
        <RegistrantPicker placeholder={t('filters.registrantPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('filters.entityType')} name="entityType">
        <AutoComplete
          allowClear
          style={{ width: 160 }}
          options={KNOWN_ENTITY_TYPES.map((type) => ({ value: type, label: `${t(`entityTypes.${type}`)} (${type})` }))}
        />
      </Form.Item>
      <Form.Item label={t('filters.entityId')} name="entityId">
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('filters.action')} name="action">
        <AutoComplete
          allowClear
          placeholder={t('filters.actionPlaceholder')}
          style={{ width: 220 }}
          options={KNOWN_ACTIONS.map((action) => ({ value: action, label: `${t(`actions.${action}`)} (${action})` }))}
          showSearch={{ filterOption: (input, option) => (option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
        />
      </Form.Item>
      <Form.Item label={t('filters.period')} name="period" htmlFor="audit-period">
        <DayRangePicker id="audit-period" endLabel={t('filters.to')} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('filters.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('filters.clear')}
        </Button>
      </Form.Item>
    </Form>
  );
}
