import type { ReactNode } from 'react';
import { Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './FormAlert';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  /** The dialog's form: the OK button submits it. */
  form: FormInstance;
  onCancel: () => void;
  pending: boolean;
  /** The error no field could show, above the form (null: none). */
  alert: string | null;
  /** Runs once the dialog has closed, e.g. to clear the alert. */
  onAfterClose: () => void;
  children: ReactNode;
}

/** A dialog around one form: OK submits it, 取消 closes, and the form is dropped when hidden. */
export function FormModal({ open, title, okText, form, onCancel, pending, alert, onAfterClose, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={pending}
      destroyOnHidden
      afterClose={onAfterClose}
    >
      <FormAlert message={alert} />
      {children}
    </Modal>
  );
}
