import { useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewAlbumResponse } from '../../../../src/review/review.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api-client';
import { useAgency } from '../agency/use-agency';
import { useDecision } from './api';
import { formatDateTime } from './field-values';
import { ReturnModal } from './ReturnModal';

/** What the officer whose decision lost is told: who won, with what, when (REVIEW_ALREADY_DECIDED). */
function ConflictNote({ error }: { error: unknown }) {
  const { t } = useTranslation('review');
  const { timeZone } = useAgency();
  if (!isApiError(error) || error.code !== 'REVIEW_ALREADY_DECIDED') {
    return <ErrorAlert error={error} />;
  }
  const d = error.details;
  const decision = d['decision'] === 'approved' || d['decision'] === 'returned' ? t(`rounds.decision.${d['decision']}`) : '—';
  const at = typeof d['decidedAt'] === 'string' ? formatDateTime(d['decidedAt'], timeZone) : '—';
  const round = typeof d['round'] === 'number' ? d['round'] : '—';
  const text =
    d['resubmitted'] === true
      ? t('decide.conflictResubmitted', { round, decision, current: String(d['currentRound']) })
      : t('decide.conflict', { round, decision, at });
  return <Alert type="warning" showIcon role="alert" title={t('decide.conflictTitle')} description={text} style={{ marginBottom: 16 }} />;
}

/** 通過 (asks once) and 退回 (with reasons), for the round on screen. */
export function DecisionBar({ view }: { view: ReviewAlbumResponse }) {
  const { t } = useTranslation('review');
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const { approve, giveBack } = useDecision(view.album.id, view.round);
  const failure = approve.error ?? giveBack.error;
  const waiting = view.album.status === 'submitted';
  return (
    <>
      {failure !== null ? <ConflictNote error={failure} /> : null}
      {waiting ? (
        <Flex gap="small" style={{ marginBottom: 16 }}>
          <Popconfirm
            title={t('decide.approveConfirm')}
            okText={t('decide.approveOk')}
            cancelText={t('decide.cancel')}
            onConfirm={() => {
              giveBack.reset();
              approve.mutate(undefined, { onSuccess: () => void message.success(t('decide.approved')) });
            }}
          >
            <Button type="primary" loading={approve.isPending}>
              {t('decide.approve')}
            </Button>
          </Popconfirm>
          <Button
            danger
            onClick={() => {
              approve.reset();
              setReturning(true);
            }}
          >
            {t('decide.return')}
          </Button>
        </Flex>
      ) : null}
      <ReturnModal
        album={view.album}
        open={returning}
        pending={giveBack.isPending}
        onCancel={() => setReturning(false)}
        onReturn={(input) =>
          giveBack.mutate(input, {
            onSuccess: () => void message.success(t('decide.returned')),
            onSettled: () => setReturning(false),
          })
        }
      />
    </>
  );
}
