import { Alert } from 'antd';

/** A form's error that no field could show (null: none), announced to screen readers. */
export function FormAlert({ message }: { message: string | null }) {
  return message === null ? null : <Alert type="error" showIcon role="alert" title={message} style={{ marginBottom: 16 }} />;
}
