import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AudioWarning, TrackAudio } from './audio-types';
import { formatBitRate, formatBytes, formatDurationMs, formatSampleRate } from './upload-format';

export function AudioWarnings({ warnings }: { warnings: readonly AudioWarning[] }) {
  const { t } = useTranslation('media');
  if (warnings.length === 0) {
    return null;
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={t('warningsTitle')}
      description={
        <ul className="track-audio-warnings">
          {warnings.map((w) => (
            <li key={w.code}>{w.message}</li>
          ))}
        </ul>
      }
    />
  );
}

/** A stored file: its name, length, codec, sample rate, channels, bit rate, warnings and a player. */
export function AudioDetails({ audio, name }: { audio: TrackAudio; name: string }) {
  const { t } = useTranslation('media');
  const { technical } = audio;
  const channels =
    technical.channels === null
      ? null
      : technical.channels === 1
        ? t('technical.mono')
        : technical.channels === 2
          ? t('technical.stereo')
          : t('technical.channels', { count: technical.channels });
  const facts = [
    t('technical.duration', { duration: formatDurationMs(technical.durationMs) }),
    technical.codec,
    technical.sampleRate === null ? null : formatSampleRate(technical.sampleRate),
    channels,
    technical.bitRate === null ? null : formatBitRate(technical.bitRate),
    formatBytes(audio.size),
  ].filter((fact): fact is string => fact !== null && fact !== '');

  return (
    <div className="track-audio" role="group" aria-label={t('fileOf', { name })}>
      <Typography.Text strong className="track-audio-name">
        {audio.fileName}
      </Typography.Text>
      <Typography.Text type="secondary" className="track-audio-facts">
        {facts.join(' · ')}
      </Typography.Text>
      <AudioWarnings warnings={audio.warnings} />
      {/* Range requests let the player seek without loading the whole file; nothing loads until played. */}
      <audio className="track-audio-player" controls preload="none" src={audio.url} aria-label={t('player', { name })} />
    </div>
  );
}
