import { useEffect, useState } from 'react';
import { App, Button, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationResponse } from '../../../../src/applications/applications.schemas.js';
import { holdsRegistrantCodes } from '../../../../src/allocation/issuance.policy.js';
import { parseRegistrantCode } from '../../../../src/isrc/index.js';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { isApiError } from '../../lib/api-client';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { useAgency } from '../agency/use-agency';
import { AllocatedYearField } from '../registrants/AllocatedYearField';
import { useApproveApplication, useRejectApplication, useSuggestedCode } from './api';

interface ApproveValues {
  registrantCode?: string;
  /** 配發年份 of the new code: the agency's current year unless the officer changes it. */
  allocatedYear?: number;
}
interface RejectValues {
  reason: string;
}

/** 核准 (with the registrant code: the suggestion, editable) or 不予核准 with a reason. */
export function DecisionSection({ application }: { application: ApplicationResponse }) {
  const { t } = useTranslation('applications');
  const { message } = App.useApp();
  const withCode = holdsRegistrantCodes(application.kind);
  const suggestion = useSuggestedCode(application.id, withCode);
  const approve = useApproveApplication(application.id);
  const reject = useRejectApplication(application.id);
  const [approveForm] = Form.useForm<ApproveValues>();
  const [rejectForm] = Form.useForm<RejectValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const { agencyYear } = useAgency();

  const suggested = suggestion.data?.code;
  useEffect(() => {
    if (suggested !== undefined && !approveForm.isFieldTouched('registrantCode')) {
      approveForm.setFieldsValue({ registrantCode: suggested });
    }
  }, [approveForm, suggested]);

  const failed = (form: typeof approveForm | typeof rejectForm, fields: string[], codeFields: Record<string, string>) => (error: unknown) => {
    if (!applyApiErrorToForm(form, error, { fields, codeFields })) {
      setAlert(isApiError(error) || error instanceof Error ? error.message : t('apply.unknownError'));
    }
  };

  const onApprove = async () => {
    setAlert(null);
    const values = await approveForm.validateFields();
    const code = values.registrantCode?.trim();
    const body = withCode
      ? { ...(code ? { registrantCode: code } : {}), ...(values.allocatedYear === undefined ? {} : { allocatedYear: values.allocatedYear }) }
      : {};
    approve.mutate(body, {
      onSuccess: (decided) => void message.success(t('detail.approved', { name: decided.name })),
      onError: failed(approveForm, ['registrantCode', 'allocatedYear'], {
        REGISTRANT_CODE_TAKEN: 'registrantCode',
        REGISTRANT_CODES_EXHAUSTED: 'registrantCode',
      }),
    });
  };

  const onReject = (values: RejectValues) => {
    setAlert(null);
    reject.mutate(
      { reason: values.reason.trim() },
      { onSuccess: () => void message.success(t('detail.rejected')), onError: failed(rejectForm, ['reason'], {}) },
    );
  };

  return (
    <SectionCard title={t('detail.decision')}>
      <FormAlert message={alert} />
      <Form form={approveForm} layout="vertical" requiredMark initialValues={{ allocatedYear: agencyYear() }}>
        {withCode ? (
          <>
            <Form.Item
              label={t('detail.codeLabel')}
              name="registrantCode"
              extra={t('detail.codeHelp')}
              rules={[
                { required: true, whitespace: true, message: t('detail.codeRequired') },
                {
                  validator: (_r, value: string | undefined) =>
                    value === undefined || value.trim() === '' || parseRegistrantCode(value).ok
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('detail.codeInvalid'))),
                },
              ]}
            >
              <Input maxLength={3} style={{ width: 120, textTransform: 'uppercase' }} autoComplete="off" />
            </Form.Item>
            <AllocatedYearField />
          </>
        ) : (
          <Typography.Paragraph>{t('detail.poolNote')}</Typography.Paragraph>
        )}
        <Popconfirm title={t('detail.approveConfirm', { name: application.name })} onConfirm={() => void onApprove()} okText={t('detail.approve')}>
          <Button type="primary" loading={approve.isPending} disabled={reject.isPending}>
            {t('detail.approve')}
          </Button>
        </Popconfirm>
      </Form>
      <Form form={rejectForm} layout="vertical" onFinish={onReject} requiredMark style={{ marginTop: 32 }}>
        <Form.Item
          label={t('detail.rejectReason')}
          name="reason"
          extra={t('detail.rejectReasonHelp')}
          rules={[
            { required: true, whitespace: true, message: t('detail.rejectReasonRequired') },
            { max: 1000, message: t('apply.validation.maxLength', { max: 1000 }) },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Flex>
          <Button danger htmlType="submit" loading={reject.isPending} disabled={approve.isPending}>
            {t('detail.reject')}
          </Button>
        </Flex>
      </Form>
    </SectionCard>
  );
}
