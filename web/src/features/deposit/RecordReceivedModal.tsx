import { useState } from 'react';
import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverviewRow } from '../../../../src/deposit/deposit.schemas.js';
import { FormModal } from '../../components/FormModal';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { useRecordReceived } from './api';
import { DepositEventFields, eventBody, type DepositEventValues } from './DepositEventFields';
import { useAgencyToday } from './use-agency-today';

/** 登錄收件: copies that arrived for one album; the album's deposit status follows on the server. */
export function RecordReceivedModal({ row, onClose }: { row: OverviewRow | null; onClose: () => void }) {
  const { t } = useTranslation('deposit');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepositEventValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const record = useRecordReceived();
  const today = useAgencyToday();

  const onFinish = (values: DepositEventValues) => {
    if (row === null) {
      return;
    }
    setAlert(null);
    record.mutateAsync({ albumId: row.albumId, body: eventBody(values, false) }).then(
      (result) => {
        void message.success(t('recorded', { status: tc(`depositStatus.${result.status}`) }));
        onClose();
      },
      (error: unknown) => {
        if (!applyApiErrorToForm(form, error, { fields: ['copies', 'date', 'note'], codeFields: { DEPOSIT_DATE_OUT_OF_RANGE: 'date' } })) {
          setAlert(error instanceof Error ? error.message : tc('errors.unknown'));
        }
      },
    );
  };

  const remaining = row === null ? 1 : Math.max(1, row.requiredCopies - row.receivedCopies);
  return (
    <FormModal
      open={row !== null}
      title={t('recordReceivedFor', { title: row?.title ?? '' })}
      okText={t('recordReceived')}
      form={form}
      onCancel={onClose}
      pending={record.isPending}
      alert={alert}
      onAfterClose={() => setAlert(null)}
    >
      {row === null ? null : (
        <>
          <Typography.Paragraph type="secondary">
            {row.registrantName} · {t('columns.copies')} {row.receivedCopies} / {row.requiredCopies}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ copies: remaining, date: today }}>
            <DepositEventFields today={today} approvedOn={row.approvedOn} dateLabel={t('form.receivedDate')} withTracking={false} />
          </Form>
        </>
      )}
    </FormModal>
  );
}
