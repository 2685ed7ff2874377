import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import type { ReturnInput } from './api';

interface Values {
  reason: string;
  tracks?: Record<string, string | undefined>;
}

interface Props {
  album: AlbumResponse;
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onReturn: (input: ReturnInput) => void;
}

/** 退回: a reason for the album (required) and, optionally, one for each track. */
export function ReturnModal({ album, open, pending, onCancel, onReturn }: Props) {
  const { t } = useTranslation('review');
  const [form] = Form.useForm<Values>();
  const finish = (values: Values) => {
    const tracks = album.tracks.flatMap((tr) => {
      const reason = values.tracks?.[tr.recording.id]?.trim() ?? '';
      return reason === '' ? [] : [{ recordingId: tr.recording.id, reason }];
    });
    onReturn({ reason: values.reason.trim(), tracks });
  };
  return (
    <Modal
      title={t('decide.returnTitle')}
      open={open}
      okText={t('decide.returnOk')}
      cancelText={t('decide.cancel')}
      okButtonProps={{ danger: true, loading: pending }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={finish} preserve={false}>
        <Form.Item
          name="reason"
          label={t('decide.returnReason')}
          rules={[{ required: true, whitespace: true, message: t('decide.returnReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} autoFocus />
        </Form.Item>
        {album.tracks.length > 0 ? <Typography.Paragraph strong>{t('decide.trackReasons')}</Typography.Paragraph> : null}
        {album.tracks.map((tr) => (
          <Form.Item
            key={tr.id}
            name={['tracks', tr.recording.id]}
            label={t('decide.trackReason', { position: tr.position, title: tr.recording.title })}
          >
            <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
