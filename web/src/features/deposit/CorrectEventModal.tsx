import { useState } from 'react';
import { App, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepositEventResponse } from '../../../../src/deposit/deposit.schemas.js';
import { FormModal } from '../../components/FormModal';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { showDate, useCorrectEvent } from './api';

/** 更正: an officer removes a mistaken event; the reason goes to the audit log and the status is recomputed. */
export function CorrectEventModal({ albumId, event, onClose }: { albumId: string; event: DepositEventResponse | null; onClose: () => void }) {
  const { t } = useTranslation('deposit');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const correct = useCorrectEvent(albumId);

  const onFinish = ({ reason }: { reason: string }) => {
    if (event === null) {
      return;
    }
    setAlert(null);
    correct.mutateAsync({ eventId: event.id, reason }).then(
      () => {
        void message.success(t('correct.done'));
        onClose();
      },
      (error: unknown) => {
        if (!applyApiErrorToForm(form, error, { fields: ['reason'] })) {
          setAlert(error instanceof Error ? error.message : tc('errors.unknown'));
        }
      },
    );
  };

  return (
    <FormModal
      open={event !== null}
      title={t('correct.title')}
      okText={t('correct.confirm')}
      form={form}
      onCancel={onClose}
      pending={correct.isPending}
      alert={alert}
      onAfterClose={() => setAlert(null)}
    >
      {event === null ? null : (
        <>
          <Typography.Paragraph>
            {t('correct.what', { date: showDate(event.date), kind: t(`panel.eventKind.${event.kind}`), copies: event.copies })}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={onFinish}>
            <Form.Item
              label={t('correct.reason')}
              name="reason"
              rules={[{ required: true, whitespace: true, message: t('correct.reasonRequired') }, { max: 500 }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
        </>
      )}
    </FormModal>
  );
}
