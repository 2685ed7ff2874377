import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import type { AlbumDepositResponse, DepositEventResponse } from '../../../../src/deposit/deposit.schemas.js';
import { useCurrentMe } from '../../app/me-context';
import { STAFF, hasRole } from '../auth/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { DepositStatusTag } from '../albums/AlbumTags';
import { showDate, useAlbumDeposit, useDeclareSent } from './api';
import { AudioDepositPanel } from './AudioDepositPanel';
import { CorrectEventModal } from './CorrectEventModal';
import { DepositEventFields, eventBody, type DepositEventValues } from './DepositEventFields';
import { useAgencyToday } from './use-agency-today';

function DeclareSentForm({ deposit }: { deposit: AlbumDepositResponse }) {
  const { t } = useTranslation('deposit');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepositEventValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const declare = useDeclareSent(deposit.albumId);
  const today = useAgencyToday();

  const onFinish = (values: DepositEventValues) => {
    setAlert(null);
    declare.mutateAsync(eventBody(values, true)).then(
      () => {
        void message.success(t('panel.declared'));
        form.resetFields();
      },
      (error: unknown) => {
        const fields = ['copies', 'date', 'trackingNumber', 'note'];
        if (!applyApiErrorToForm(form, error, { fields, codeFields: { DEPOSIT_DATE_OUT_OF_RANGE: 'date' } })) {
          setAlert(error instanceof Error ? error.message : tc('errors.unknown'));
        }
      },
    );
  };

  return (
    <section aria-labelledby="deposit-declare-title" style={{ marginTop: 16 }}>
      <h3 id="deposit-declare-title" style={{ fontSize: 16 }}>
        {t('panel.declare')}
      </h3>
      <FormAlert message={alert} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ copies: Math.max(1, deposit.requiredCopies - deposit.sentCopies), date: today }}
        style={{ maxWidth: 480 }}
      >
        <DepositEventFields today={today} approvedOn={deposit.approvedOn ?? today} dateLabel={t('form.sentDate')} withTracking />
        <Button type="primary" htmlType="submit" loading={declare.isPending}>
          {t('panel.declare')}
        </Button>
      </Form>
    </section>
  );
}

function EventTable({
  events,
  onCorrect,
}: {
  events: readonly DepositEventResponse[];
  onCorrect: ((event: DepositEventResponse) => void) | undefined;
}) {
  const { t } = useTranslation('deposit');
  const columns: TableColumnsType<DepositEventResponse> = [
    { title: t('panel.eventDate'), dataIndex: 'date', render: (_v, e) => showDate(e.date) },
    { title: t('panel.eventKindLabel'), dataIndex: 'kind', render: (_v, e) => t(`panel.eventKind.${e.kind}`) },
    { title: t('panel.eventCopies'), dataIndex: 'copies' },
    { title: t('panel.eventTracking'), dataIndex: 'trackingNumber', render: (_v, e) => (e.trackingNumber === '' ? '—' : e.trackingNumber) },
    { title: t('panel.eventNote'), dataIndex: 'note', render: (_v, e) => (e.note === '' ? '—' : e.note) },
    ...(onCorrect === undefined
      ? []
      : [
          {
            title: t('columns.actions'),
            key: 'actions',
            render: (_v: unknown, e: DepositEventResponse) => (
              <Button
                size="small"
                onClick={() => onCorrect(e)}
                aria-label={t('correct.buttonFor', { date: showDate(e.date), kind: t(`panel.eventKind.${e.kind}`) })}
              >
                {t('correct.button')}
              </Button>
            ),
          },
        ]),
  ];
  if (events.length === 0) {
    return <Typography.Paragraph>{t('panel.noEvents')}</Typography.Paragraph>;
  }
  return (
    <Table<DepositEventResponse>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...events].reverse()}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
    />
  );
}

/**
 * 送存 on an approved album. A digital one deposits its audio (AudioDepositPanel). A physical one: the status (未送存 / 部分送存 / 已送存), copies required and
 * received, the history, and for the registrant's members the form to record copies sent.
 */
export function DepositPanel({ album }: { album: AlbumResponse }) {
  const { t } = useTranslation('deposit');
  const me = useCurrentMe();
  const [correcting, setCorrecting] = useState<DepositEventResponse | null>(null);
  const isStaff = hasRole(me, STAFF);
  const shown = album.status === 'approved' && album.releaseType === 'physical';
  const deposit = useAlbumDeposit(album.id, shown);
  if (album.status === 'approved' && album.releaseType === 'digital') {
    return <AudioDepositPanel album={album} />;
  }
  if (!shown) {
    return null;
  }
  return (
    <SectionCard title={t('panel.title')}>
      {deposit.isError ? <ErrorAlert error={deposit.error} onRetry={() => void deposit.refetch()} /> : null}
      {deposit.data ? (
        <>
          <Descriptions
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: 'status', label: t('panel.status'), children: <DepositStatusTag status={deposit.data.status} /> },
              { key: 'required', label: t('panel.required'), children: t('panel.copies', { count: deposit.data.requiredCopies }) },
              { key: 'received', label: t('panel.received'), children: t('panel.copies', { count: deposit.data.receivedCopies }) },
              { key: 'sent', label: t('panel.sentDeclared'), children: t('panel.copies', { count: deposit.data.sentCopies }) },
            ]}
          />
          {deposit.data.status === 'deposited' ? (
            <Alert type="success" showIcon title={t('panel.done')} style={{ margin: '12px 0' }} />
          ) : (
            <Alert type="info" showIcon title={t('panel.instructions', { count: deposit.data.requiredCopies })} style={{ margin: '12px 0' }} />
          )}
          <h3 style={{ fontSize: 16 }}>{t('panel.events')}</h3>
          <EventTable events={deposit.data.events} onCorrect={isStaff ? setCorrecting : undefined} />
          {isStaff ? <CorrectEventModal albumId={album.id} event={correcting} onClose={() => setCorrecting(null)} /> : null}
          {me.registrant !== null && deposit.data.status !== 'deposited' ? <DeclareSentForm deposit={deposit.data} /> : null}
        </>
      ) : null}
    </SectionCard>
  );
}
