import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { BatchDropZone } from './BatchDropZone';
import { BatchTable, StatusWord, type BatchRow } from './BatchTable';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { everyTrackHasAudio, matchableTracks, type PreviewRow } from './batch-types';
import { matchFiles, type FileMatch } from './file-match';
import { useAlbumUploads, useUploadItems } from './upload-context';
import { batchProgress } from './batch-progress';
import { FINISHED_PHASES, type UploadItem } from './upload-queue';
import { UploadProgress, useProgressText } from './UploadProgress';

interface SentBatch {
  id: string;
  skipped: PreviewRow[];
}

const EXAMPLE = 'TWA011800001';

/** 數位媒體批次上傳: choose or drop many files named by ISRC, check the matches, send two at a time, read the results. */
export function BatchUploadSection({ album }: { album: AlbumResponse }) {
  const { t } = useTranslation('media');
  const { queue } = useAlbumUploads();
  const items = useUploadItems();
  const progressText = useProgressText();
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);
  const [batch, setBatch] = useState<SentBatch | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const batchItems = batch === null ? [] : items.filter((item) => item.batchId === batch.id);
  const done = batch !== null && batchItems.every((item) => FINISHED_PHASES.includes(item.phase));
  const stage = preview !== null ? 'preview' : batch === null ? 'choose' : done ? 'done' : 'sending';
  const example = `${album.tracks.find((track) => track.recording.isrc !== null)?.recording.isrc ?? EXAMPLE}.mp3`;

  // Each new step replaces what had focus (the button just used): its heading takes it.
  useEffect(() => {
    if (stage !== 'choose') {
      headingRef.current?.focus();
    }
  }, [stage]);

  const trackLabel = (trackId: string | null | undefined) => {
    const track = album.tracks.find((x) => x.id === trackId);
    if (track === undefined) {
      return null;
    }
    const name = track.recording.title || `#${track.position}`;
    return `${t('batch.trackLine', { position: track.position, name })}${track.recording.isrcDisplay === null ? '' : `（${track.recording.isrcDisplay}）`}`;
  };
  const problemText = (match: Extract<FileMatch, { kind: 'unmatched' }>) => t(`problem.${match.problem}`, { example, isrc: match.isrc ?? '' });
  const skippedRow = (row: PreviewRow): BatchRow => ({
    key: row.key,
    fileName: row.file.name,
    track: null,
    status: <StatusWord text={t('batch.skipped')} tone="orange" />,
    message: row.match.kind === 'unmatched' ? problemText(row.match) : '',
  });
  const previewRow = (row: PreviewRow): BatchRow =>
    row.match.kind === 'unmatched'
      ? skippedRow(row)
      : {
          key: row.key,
          fileName: row.file.name,
          track: trackLabel(row.match.trackId),
          status: (
            <StatusWord text={t(row.match.replaces ? 'batch.willReplace' : 'batch.willUpload')} tone={row.match.replaces ? 'orange' : 'blue'} />
          ),
          message: '',
        };
  const itemRow = (item: UploadItem): BatchRow => ({
    key: item.id,
    fileName: item.fileName,
    track: trackLabel(item.outcome?.trackId ?? item.trackId),
    status: FINISHED_PHASES.includes(item.phase) ? (
      <StatusWord text={t(`phase.${item.phase}`)} tone={item.phase === 'stored' ? 'green' : 'red'} />
    ) : (
      <UploadProgress item={item} />
    ),
    message: item.phase === 'stored' ? (item.outcome?.warnings ?? []).map((w) => w.message).join(' ') : (item.error ?? ''),
  });

  const choose = (files: File[]) => {
    setPreview(matchFiles(files, matchableTracks(album)).map((row, index) => ({ ...row, key: `f${index}` })));
  };
  const start = (rows: PreviewRow[]) => {
    const id = `batch-${Date.now()}`;
    queue.add(
      rows.flatMap((row) => (row.match.kind === 'matched' ? [{ file: row.file, trackId: row.match.trackId }] : [])),
      id,
    );
    setBatch({ id, skipped: rows.filter((row) => row.match.kind === 'unmatched') });
    setPreview(null);
  };
  const restart = () => {
    if (batch !== null) {
      queue.dismissFinished(batch.id);
    }
    setBatch(null);
    setPreview(null);
  };

  const progress = batchProgress(batchItems);
  const matchedCount = preview?.filter((row) => row.match.kind === 'matched').length ?? 0;
  const skippedCount = batch?.skipped.length ?? 0;
  const canPause = batchItems.some((item) => ['queued', 'uploading', 'interrupted'].includes(item.phase));
  const canResume = batchItems.some((item) => item.phase === 'paused');

  return (
    <SectionCard title={t('batch.title')}>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('batch.instructionsTitle')}
      </Typography.Paragraph>
      <ol className="batch-rules">
        <li>{t('batch.ruleName', { example })}</li>
        <li>{t('batch.ruleSize')}</li>
        <li>{t('batch.ruleType')}</li>
      </ol>
      {stage === 'choose' ? <BatchDropZone onFiles={choose} /> : null}
      {stage === 'preview' && preview !== null ? (
        <>
          <h3 ref={headingRef} tabIndex={-1} className="batch-heading">
            {t('batch.previewTitle')}
          </h3>
          <Typography.Paragraph>{t('batch.previewIntro')}</Typography.Paragraph>
          <BatchTable rows={preview.map(previewRow)} />
          <Flex gap="small" wrap style={{ marginTop: 16 }}>
            <Button type="primary" disabled={matchedCount === 0} onClick={() => start(preview)}>
              {matchedCount === 0 ? t('batch.startNone') : t('batch.start', { count: matchedCount })}
            </Button>
            <Button onClick={restart}>{t('batch.chooseAgain')}</Button>
          </Flex>
        </>
      ) : null}
      {stage === 'sending' || stage === 'done' ? (
        <>
          <h3 ref={headingRef} tabIndex={-1} className="batch-heading">
            {stage === 'done' ? t('batch.summaryTitle') : t('batch.uploadingTitle')}
          </h3>
          {stage === 'done' ? (
            <Alert
              type={progress.refused + progress.failed + skippedCount === 0 ? 'success' : 'warning'}
              showIcon
              title={t('batch.done')}
              description={t('batch.summary', { stored: progress.stored, refused: progress.refused + progress.failed, skipped: skippedCount })}
              style={{ marginBottom: 16 }}
            />
          ) : (
            <div className="batch-progress">
              <Progress
                percent={progress.percent}
                status={canPause ? 'active' : 'normal'}
                aria-label={t('progress.batchLabel')}
                aria-valuetext={`${progress.percent}%`}
              />
              <Typography.Text type="secondary">
                {t('progress.files', { finished: progress.finished, files: progress.files })} ·{' '}
                {progressText({
                  loaded: progress.loaded,
                  total: progress.total,
                  bytesPerSecond: progress.bytesPerSecond,
                  moving: canPause && !canResume,
                })}
              </Typography.Text>
              <Flex gap="small" style={{ marginTop: 8 }}>
                {canPause ? <Button onClick={() => queue.pause({ batchId: batch?.id ?? '' })}>{t('actions.pause')}</Button> : null}
                {canResume ? <Button onClick={() => queue.resume({ batchId: batch?.id ?? '' })}>{t('actions.resume')}</Button> : null}
              </Flex>
            </div>
          )}
          <BatchTable rows={[...batchItems.map(itemRow), ...(batch?.skipped ?? []).map(skippedRow)]} />
          {stage === 'done' ? (
            <>
              {everyTrackHasAudio(album) ? <Alert type="info" showIcon title={t('batch.allDone')} style={{ marginTop: 16 }} /> : null}
              <Button style={{ marginTop: 16 }} onClick={restart}>
                {t('batch.newBatch')}
              </Button>
            </>
          ) : null}
        </>
      ) : null}
    </SectionCard>
  );
}
