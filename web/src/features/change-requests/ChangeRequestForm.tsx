import { Alert, App, Button, Checkbox, Form, Input, Space, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_ACCEPT,
  CHANGEABLE_FIELDS,
  MAX_ATTACHMENT_BYTES,
  normaliseValue,
  type ChangeableField,
} from '../../../../src/change-requests/change-request-fields.js';
import type { CurrentValuesResponse } from '../../../../src/change-requests/change-requests.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCreateChangeRequest, useUploadAttachment } from './api';
import { ChangesTable } from './ChangesTable';
import { afterProblem } from './form-values';

type Values = Partial<Record<ChangeableField, string>> & { reason?: string };

/** 出版者資料異動申請單, online: pick fields, type the new values, see before → after, give a reason, attach a scan. */
export function ChangeRequestForm({ current }: { current: CurrentValuesResponse['values'] }) {
  const { t } = useTranslation('changeRequests');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<ChangeableField[]>([]);
  const [file, setFile] = useState<File | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const create = useCreateChangeRequest();
  const upload = useUploadAttachment();
  const typed = Form.useWatch([], form) ?? {};

  const preview = useMemo(
    () =>
      picked
        .map((field) => ({ field, before: current[field], after: normaliseValue(typed[field] ?? '') }))
        .filter((c) => c.after !== c.before || c.after !== ''),
    [picked, current, typed],
  );

  const submit = async (values: Values) => {
    const created = await create.mutateAsync({
      changes: picked.map((field) => ({ field, after: values[field] ?? '' })),
      reason: values.reason ?? '',
    });
    if (file !== undefined) {
      try {
        await upload.mutateAsync({ id: created.id, file });
      } catch (error) {
        // The form gives way to the pending notice at once, so the problem is told in a lasting toast.
        void message.warning(t('form.uploadFailed', { message: error instanceof Error ? error.message : '' }), 12);
      }
    }
    void message.success(t('form.submitted'));
    form.resetFields();
    setPicked([]);
    setFile(undefined);
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values).catch(() => undefined)} requiredMark>
      <Form.Item label={t('form.pickFields')} extra={t('form.pickFieldsHelp')} required>
        <Checkbox.Group
          aria-label={t('form.pickFields')}
          value={picked}
          onChange={(values) => setPicked(CHANGEABLE_FIELDS.filter((f) => values.includes(f)))}
          options={CHANGEABLE_FIELDS.map((field) => ({ value: field, label: t(`fields.${field}`) }))}
        />
      </Form.Item>
      {picked.map((field) => (
        <Form.Item
          key={field}
          name={field}
          label={t('form.newValue', { field: t(`fields.${field}`) })}
          extra={
            <span>
              {t('form.current')}：{current[field] === '' ? t('form.empty') : current[field]}
            </span>
          }
          rules={[
            {
              validator: (_rule, value: string | undefined) => {
                const problem = afterProblem(field, current[field], value ?? '');
                return problem === undefined
                  ? Promise.resolve()
                  : Promise.reject(new Error(problem.key === 'tooLong' ? t('form.tooLong', { limit: problem.limit }) : t(`form.${problem.key}`)));
              },
            },
          ]}
          validateTrigger="onBlur"
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      ))}
      {preview.length > 0 ? (
        <div style={{ marginBottom: 24 }}>
          <ChangesTable changes={preview} caption={t('form.preview')} />
        </div>
      ) : null}
      <Form.Item name="reason" label={t('form.reason')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 1000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('form.reasonPlaceholder')} />
      </Form.Item>
      <Form.Item
        label={t('form.attachment')}
        extra={t('form.attachmentHint')}
        validateStatus={fileError === undefined ? undefined : 'error'}
        help={fileError}
      >
        <Upload
          accept={ATTACHMENT_ACCEPT}
          maxCount={1}
          fileList={file === undefined ? [] : [{ uid: 'scan', name: file.name, status: 'done' }]}
          beforeUpload={(chosen) => {
            if (chosen.size > MAX_ATTACHMENT_BYTES) {
              setFileError(t('form.fileTooLarge'));
              return Upload.LIST_IGNORE;
            }
            setFileError(undefined);
            setFile(chosen);
            return false;
          }}
          onRemove={() => setFile(undefined)}
        >
          <Button>{t('form.chooseFile')}</Button>
        </Upload>
      </Form.Item>
      {picked.length === 0 && form.isFieldsTouched() ? (
        <Alert type="warning" showIcon title={t('form.noFields')} style={{ marginBottom: 16 }} />
      ) : null}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending || upload.isPending} disabled={picked.length === 0}>
          {t('form.submit')}
        </Button>
        <Typography.Text type="secondary">{picked.length === 0 ? t('form.noFields') : null}</Typography.Text>
      </Space>
    </Form>
  );
}
