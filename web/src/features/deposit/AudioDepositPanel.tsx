import { Alert, App, Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import type { AudioDepositFileResponse, AudioDepositResponse } from '../../../../src/deposit/audio-deposit.schemas.js';
import { useCurrentMe } from '../../app/me-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { useAgency } from '../agency/use-agency';
import { DepositStatusTag } from '../albums/AlbumTags';
import { useAudioDeposit, useDepositAudio } from './audio-api';
import { formatBytes, shortChecksum } from './format-bytes';

type AlbumTrack = AlbumResponse['tracks'][number];

/** The track's uploaded audio, read defensively (older album responses had no `audio`). */
function audioOf(track: AlbumTrack): { size: number; container: string } | null {
  return 'audio' in track && track.audio !== null && track.audio !== undefined ? track.audio : null;
}

function Checksum({ sha256 }: { sha256: string }) {
  const { t } = useTranslation('deposit');
  return (
    <Typography.Text code title={t('audio.checksumFull', { sha: sha256 })}>
      {shortChecksum(sha256)}
    </Typography.Text>
  );
}

function DepositedFiles({ deposit }: { deposit: AudioDepositResponse }) {
  const { t } = useTranslation('deposit');
  const { formatDate } = useAgency();
  const columns: TableColumnsType<AudioDepositFileResponse> = [
    { title: t('audio.col.position'), dataIndex: 'position', width: 64 },
    { title: t('audio.col.isrc'), dataIndex: 'isrcDisplay' },
    { title: t('audio.col.title'), dataIndex: 'title' },
    { title: t('audio.col.format'), dataIndex: 'container', render: (_v, f) => f.container.toUpperCase() },
    { title: t('audio.col.size'), dataIndex: 'size', render: (_v, f) => formatBytes(f.size) },
    { title: t('audio.col.checksum'), dataIndex: 'sha256', render: (_v, f) => <Checksum sha256={f.sha256} /> },
  ];
  return (
    <>
      <Alert
        type="success"
        showIcon
        title={t('audio.deposited', { date: formatDate(deposit.depositedAt), count: deposit.files.length, size: formatBytes(deposit.totalBytes) })}
        description={deposit.depositedBy === null ? undefined : t('audio.depositedBy', { name: deposit.depositedBy })}
        style={{ margin: '12px 0' }}
      />
      <h3 style={{ fontSize: 16 }}>{t('audio.filesTitle')}</h3>
      <Table<AudioDepositFileResponse>
        rowKey="position"
        size="small"
        columns={columns}
        dataSource={deposit.files}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}

function TrackChecklist({ album }: { album: AlbumResponse }) {
  const { t } = useTranslation('deposit');
  const columns: TableColumnsType<AlbumTrack> = [
    { title: t('audio.col.position'), dataIndex: 'position', width: 64 },
    { title: t('audio.col.isrc'), key: 'isrc', render: (_v, track) => track.recording.isrcDisplay ?? '—' },
    { title: t('audio.col.title'), key: 'title', render: (_v, track) => track.recording.title },
    {
      title: t('audio.col.audio'),
      key: 'audio',
      render: (_v, track) => {
        const audio = audioOf(track);
        return audio === null ? (
          <Tag icon={<CloseCircleOutlined aria-hidden />}>{t('audio.notUploaded')}</Tag>
        ) : (
          <Tag color="success" icon={<CheckCircleFilled aria-hidden />} style={{ color: '#135200' }}>
            {t('audio.uploadedWith', { format: audio.container.toUpperCase(), size: formatBytes(audio.size) })}
          </Tag>
        );
      },
    },
  ];
  return (
    <>
      <h3 style={{ fontSize: 16 }}>{t('audio.checklistTitle')}</h3>
      <Table<AlbumTrack> rowKey="id" size="small" columns={columns} dataSource={album.tracks} pagination={false} scroll={{ x: 'max-content' }} />
    </>
  );
}

function DepositButton({ album, ready }: { album: AlbumResponse; ready: boolean }) {
  const { t } = useTranslation('deposit');
  const { modal, message } = App.useApp();
  const deposit = useDepositAudio(album.id);
  const total = album.tracks.reduce((n, track) => n + (audioOf(track)?.size ?? 0), 0);
  const confirm = () => {
    void modal.confirm({
      title: t('audio.confirmTitle'),
      content: t('audio.confirmText', { count: album.tracks.length, size: formatBytes(total) }),
      okText: t('audio.confirmOk'),
      cancelText: t('audio.cancel'),
      onOk: () =>
        deposit.mutateAsync().then(
          () => void message.success(t('audio.done')),
          (error: unknown) => void message.error(error instanceof Error ? error.message : String(error)),
        ),
    });
  };
  return (
    <Button type="primary" disabled={!ready} loading={deposit.isPending} onClick={confirm}>
      {t('audio.button')}
    </Button>
  );
}

/**
 * 影音檔送存 on an approved digital album: the tracks with and without audio, and for the
 * registrant's members the button that deposits them; once deposited, the date and the files with
 * their sizes and checksums.
 */
export function AudioDepositPanel({ album }: { album: AlbumResponse }) {
  const { t } = useTranslation('deposit');
  const me = useCurrentMe();
  // Only a deposited album has a deposit to read (no 404 asked for on the way).
  const deposited = album.depositStatus === 'deposited';
  const deposit = useAudioDeposit(album.id, deposited);
  const done = album.tracks.filter((track) => audioOf(track) !== null).length;
  const ready = album.tracks.length > 0 && done === album.tracks.length;
  return (
    <SectionCard title={t('audio.title')} extra={<DepositStatusTag status={album.depositStatus} />}>
      {deposit.isError ? <ErrorAlert error={deposit.error} onRetry={() => void deposit.refetch()} /> : null}
      {!deposited || deposit.data === null ? (
        <>
          <Typography.Paragraph>{t('audio.intro')}</Typography.Paragraph>
          <Flex gap="middle" align="center" wrap style={{ marginBottom: 12 }}>
            <Typography.Text strong>{t('audio.progress', { done, total: album.tracks.length })}</Typography.Text>
            {me.registrant !== null ? <DepositButton album={album} ready={ready} /> : null}
          </Flex>
          {me.registrant !== null && !ready ? <Alert type="info" showIcon title={t('audio.missingHint')} style={{ marginBottom: 12 }} /> : null}
          {me.registrant === null ? <Alert type="info" showIcon title={t('audio.staffWaiting')} style={{ marginBottom: 12 }} /> : null}
          <TrackChecklist album={album} />
        </>
      ) : deposit.data === undefined ? null : (
        <DepositedFiles deposit={deposit.data} />
      )}
    </SectionCard>
  );
}
