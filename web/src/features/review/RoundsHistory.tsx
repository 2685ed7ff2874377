import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewAlbumResponse } from '../../../../src/review/review.schemas.js';
import { useAgency } from '../agency/use-agency';
import { formatDateTime } from './field-values';

/** 審核紀錄: every submission, who decided what and why, newest first. */
export function RoundsHistory({ view }: { view: ReviewAlbumResponse }) {
  const { t } = useTranslation('review');
  const { timeZone } = useAgency();
  const positionOf = (recordingId: string) => view.album.tracks.find((tr) => tr.recording.id === recordingId)?.position;
  return (
    <section aria-labelledby="rounds-heading">
      <h2 id="rounds-heading" style={{ fontSize: 18 }}>
        {t('rounds.heading')}
      </h2>
      <Timeline
        items={view.rounds.map((r) => ({
          key: r.round,
          color: r.decision === 'approved' ? 'green' : r.decision === 'returned' ? 'red' : 'blue',
          children: (
            <>
              <Typography.Text strong>
                {t('rounds.submitted', { round: r.round, at: formatDateTime(r.submittedAt, timeZone), by: r.submittedBy ?? t('rounds.someone') })}
              </Typography.Text>
              {r.backfilled ? <Typography.Paragraph type="secondary">{t('rounds.backfilled')}</Typography.Paragraph> : null}
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                {r.decision === null
                  ? t('rounds.pending')
                  : t('rounds.decided', {
                      decision: t(`rounds.decision.${r.decision}`),
                      at: formatDateTime(r.decidedAt, timeZone),
                      by: r.decidedBy ?? t('rounds.someone'),
                    })}
              </Typography.Paragraph>
              {r.reason !== null ? (
                <Typography.Paragraph style={{ marginBottom: 0 }}>{t('rounds.reason', { reason: r.reason })}</Typography.Paragraph>
              ) : null}
              {r.trackReasons.length > 0 ? (
                <ul style={{ margin: 0 }}>
                  {r.trackReasons.map((tr) => {
                    const position = positionOf(tr.recordingId);
                    return (
                      <li key={tr.recordingId}>
                        {position === undefined
                          ? t('rounds.removedTrack', { reason: tr.reason })
                          : t('rounds.trackReason', { position, reason: tr.reason })}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </>
          ),
        }))}
      />
    </section>
  );
}
