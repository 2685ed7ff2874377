import { useRef, useState } from 'react';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrantCodeResponse } from '../../../../src/registrants/registrants.schemas.js';
import { FormModal } from '../../components/FormModal';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { AllocatedYearField } from './AllocatedYearField';
import { useUpdateCodeYear } from './api';

/** 修改配發年份 (administrator): corrects the year a code was allocated, e.g. one carried over from an earlier system. */
export function EditCodeYearModal({ code, onClose }: { code: RegistrantCodeResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ allocatedYear: number }>();
  const update = useUpdateCodeYear();
  const [alert, setAlert] = useState<string | null>(null);
  // The code stays named while the dialog closes.
  const last = useRef(code);
  if (code !== null) {
    last.current = code;
  }
  const shown = code ?? last.current;
  const name = shown === null ? '' : `${shown.countryCode}-${shown.code}`;

  const onFinish = ({ allocatedYear }: { allocatedYear: number }) => {
    if (code === null) {
      return;
    }
    setAlert(null);
    update.mutate(
      { id: code.id, body: { allocatedYear } },
      {
        onSuccess: () => {
          void message.success(t('codes.yearSaved', { code: name, year: allocatedYear }));
          onClose();
        },
        onError: (error) => {
          if (!applyApiErrorToForm(form, error, { fields: ['allocatedYear'] })) {
            setAlert(error.message);
          }
        },
      },
    );
  };

  return (
    <FormModal
      open={code !== null}
      title={t('codes.editYearFor', { code: name })}
      okText={t('common.save')}
      form={form}
      onCancel={onClose}
      pending={update.isPending}
      alert={alert}
      onAfterClose={() => setAlert(null)}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ allocatedYear: code?.allocatedYear }}>
        <AllocatedYearField />
      </Form>
    </FormModal>
  );
}
