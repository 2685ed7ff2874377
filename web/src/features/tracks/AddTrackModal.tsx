import { useId, useState } from 'react';
import { Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type How = 'new' | 'cite';

/** 曲目新增: 新增 a new recording, or 引用 one registered with the centre before. */
export function AddTrackModal({ open, onClose, onChoose }: { open: boolean; onClose: () => void; onChoose: (how: How) => void }) {
  const { t } = useTranslation();
  const [how, setHow] = useState<How>('new');
  const labelId = useId();
  return (
    <Modal
      open={open}
      title={t('tracks.add')}
      okText={t('tracks.add')}
      cancelText={t('common.cancel')}
      onOk={() => onChoose(how)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph id={labelId}>{t('tracks.addHow')}</Typography.Paragraph>
      <Radio.Group
        aria-labelledby={labelId}
        value={how}
        onChange={(event) => setHow(event.target.value === 'cite' ? 'cite' : 'new')}
        options={[
          { value: 'new', label: t('tracks.addNew') },
          { value: 'cite', label: t('tracks.addCite') },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('tracks.citeHelp')}
      </Typography.Paragraph>
    </Modal>
  );
}
