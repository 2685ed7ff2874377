import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatClock, formatSpeed, percentOf, secondsLeft } from './upload-format';
import type { UploadItem } from './upload-queue';

/** What a bar says beside its percent: bytes, speed and time left (or why it is not moving). */
export function useProgressText() {
  const { t } = useTranslation('media');
  return ({ loaded, total, bytesPerSecond, moving }: { loaded: number; total: number; bytesPerSecond: number | null; moving: boolean }) => {
    const parts = [t('progress.bytes', { loaded: formatBytes(loaded), total: formatBytes(total) })];
    if (moving) {
      const left = secondsLeft(total - loaded, bytesPerSecond);
      parts.push(bytesPerSecond === null ? t('progress.estimating') : t('progress.speed', { speed: formatSpeed(bytesPerSecond) }));
      if (left !== null) {
        parts.push(t('progress.timeLeft', { time: formatClock(left) }));
      }
    }
    return parts.join(' · ');
  };
}

/** One file's bar: a real progressbar (aria-valuenow, named by the file), its state, bytes, speed and time left. */
export function UploadProgress({ item, showName = false }: { item: UploadItem; showName?: boolean }) {
  const { t } = useTranslation('media');
  const text = useProgressText();
  const percent = percentOf(item.loaded, item.size);
  const moving = item.phase === 'uploading';
  return (
    <div className="upload-progress">
      {showName ? (
        <Typography.Text strong className="track-audio-name">
          {item.fileName}
        </Typography.Text>
      ) : null}
      <Progress
        percent={percent}
        size="small"
        status={item.phase === 'uploading' || item.phase === 'processing' ? 'active' : 'normal'}
        aria-label={t('progress.label', { file: item.fileName })}
        aria-valuetext={`${percent}%`}
      />
      <Typography.Text type="secondary" className="upload-progress-text">
        {t(`phase.${item.phase}`)} · {text({ loaded: item.loaded, total: item.size, bytesPerSecond: item.bytesPerSecond, moving })}
      </Typography.Text>
    </div>
  );
}
