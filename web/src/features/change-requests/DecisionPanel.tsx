import { Alert, App, Button, Form, Input, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestResponse } from '../../../../src/change-requests/change-requests.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api-client';
import { useDecideChangeRequest } from './api';

/** 核准 (the registrant's record takes the new values) or 退件 with a reason. */
export function DecisionPanel({ request }: { request: ChangeRequestResponse }) {
  const { t } = useTranslation('changeRequests');
  const { message } = App.useApp();
  const decide = useDecideChangeRequest(request.id);
  const [form] = Form.useForm<{ reason: string }>();
  const error = decide.error;
  const stale = isApiError(error) && error.code === 'CHANGE_REQUEST_STALE';
  const staleFields =
    stale && Array.isArray(error.details['changed']) ? error.details['changed'].map((f) => t(`fields.${String(f) as 'name'}`)).join('、') : '';

  return (
    <>
      {stale ? <Alert type="warning" showIcon role="alert" title={t('detail.stale', { fields: staleFields })} style={{ marginBottom: 16 }} /> : null}
      {error !== null && !stale ? <ErrorAlert error={error} /> : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Popconfirm
          title={t('detail.approveConfirm')}
          onConfirm={() => decide.mutate({ kind: 'approve' }, { onSuccess: () => void message.success(t('detail.approved')) })}
        >
          <Button type="primary" loading={decide.isPending}>
            {t('detail.approve')}
          </Button>
        </Popconfirm>
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            decide.mutate({ kind: 'reject', reason: values.reason }, { onSuccess: () => void message.success(t('detail.rejected')) })
          }
        >
          <Form.Item
            name="reason"
            label={t('detail.rejectReason')}
            extra={t('detail.rejectReasonHelp')}
            rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 1000 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Button danger htmlType="submit" loading={decide.isPending}>
            {t('detail.reject')}
          </Button>
        </Form>
      </Space>
    </>
  );
}
