import { useState, type DragEvent } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilePickButton } from './FilePickButton';

/** Choose many files at once, or drop them here; the button is the keyboard's way in. */
export function BatchDropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation('media');
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) {
      onFiles(files);
    }
  };
  return (
    <div
      className={`batch-drop-zone${over ? ' batch-drop-zone-over' : ''}`}
      role="group"
      aria-label={t('batch.dropZone')}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <FilePickButton text={t('batch.choose')} label={t('batch.choose')} onFiles={onFiles} multiple primary />
      <Typography.Text type="secondary">{t('batch.drop')}</Typography.Text>
    </div>
  );
}
