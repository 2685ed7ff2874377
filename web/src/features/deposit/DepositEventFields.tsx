import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';

export interface DepositEventValues {
  copies: number;
  date: string;
  trackingNumber?: string;
  note?: string;
}

interface Props {
  /** The agency's today and the approval date, YYYY-MM-DD: the dates the server accepts. */
  today: string;
  approvedOn: string;
  dateLabel: string;
  withTracking: boolean;
}

/** The fields of one deposit event: copies, a date between approval and today, tracking number, note. */
export function DepositEventFields({ today, approvedOn, dateLabel, withTracking }: Props) {
  const { t } = useTranslation('deposit');
  return (
    <>
      <Form.Item
        label={t('form.copies')}
        name="copies"
        rules={[{ required: true, type: 'integer', min: 1, max: 1000, message: t('form.copiesRequired') }]}
      >
        <InputNumber min={1} max={1000} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item
        label={dateLabel}
        name="date"
        extra={t('form.dateHelp', { today: today.replaceAll('-', '.'), approvedOn: approvedOn.replaceAll('-', '.') })}
        rules={[{ required: true, message: t('form.dateRequired') }]}
      >
        <Input type="date" min={approvedOn} max={today} style={{ width: 200 }} />
      </Form.Item>
      {withTracking ? (
        <Form.Item label={t('form.trackingNumber')} name="trackingNumber" rules={[{ max: 100 }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      ) : null}
      <Form.Item label={t('form.note')} name="note" rules={[{ max: 500 }]}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </>
  );
}

/** Only the values the API takes: empty optional texts are left out. */
export function eventBody(values: DepositEventValues, withTracking: boolean) {
  const tracking = values.trackingNumber?.trim() ?? '';
  const note = values.note?.trim() ?? '';
  return {
    copies: values.copies,
    date: values.date,
    ...(withTracking && tracking !== '' ? { trackingNumber: tracking } : {}),
    ...(note !== '' ? { note } : {}),
  };
}
