import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjsConfig from '@rc-component/picker/generate/dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiTokenResponse, CreatedApiTokenResponse } from '../../../../src/api-tokens/api-tokens.schemas.js';
import { FormAlert } from '../../components/FormAlert';
import { useAgency } from '../agency/use-agency';
import { formatDateTime } from '../notifications/format-time';
import { DAY_FORMATS, agencyToday, calendarDayOf } from '../../lib/calendar-day';
import { formatDate } from '../../lib/format';
import { applyApiErrorToForm } from '../../lib/form-errors';
import { ApiTokenCreated } from './ApiTokenCreated';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './api';

const PAGE_SIZE = 10;

interface CreateForm {
  name: string;
  expiresOn?: Dayjs | null;
}

/** The last day a token works: the day before the midnight (agency time) it stops at. */
function lastDay(expiresAt: string, timeZone: string): string {
  return formatDate(new Date(new Date(expiresAt).getTime() - 1), timeZone);
}

/** API 權杖 on the account page: create (shown once), list, revoke (asks once). Registrant members only. */
export function ApiTokensSection() {
  const { t } = useTranslation('apiTokens');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { agencyNow, timeZone } = useAgency();
  const [form] = Form.useForm<CreateForm>();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<CreatedApiTokenResponse | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  // The calendar opens on the agency's today, and days before it cannot be chosen.
  const today = agencyToday(agencyNow(), timeZone);
  const DayPicker = useMemo(
    () => DatePicker.generatePicker<Dayjs>({ ...dayjsConfig, getNow: () => agencyToday(agencyNow(), timeZone) }),
    [agencyNow, timeZone],
  );

  const onFinish = ({ name, expiresOn }: CreateForm) => {
    setAlert(null);
    const day = calendarDayOf(expiresOn);
    create.mutate(
      { name: name.trim(), ...(day === undefined ? {} : { expiresOn: day }) },
      {
        onSuccess: (token) => {
          setCreated(token);
          form.resetFields();
        },
        onError: (error) => {
          if (!applyApiErrorToForm(form, error, { fields: ['name', 'expiresOn'] })) {
            setAlert(error.message);
          }
        },
      },
    );
  };

  const onRevoke = (token: ApiTokenResponse) =>
    revoke.mutate(token.id, {
      onSuccess: () => {
        void message.success(t('revoked', { name: token.name }));
        if (created?.id === token.id) {
          setCreated(null);
        }
      },
      onError: (error) => void message.error(error.message),
    });

  const columns: TableColumnsType<ApiTokenResponse> = [
    { title: t('columns.name'), dataIndex: 'name' },
    { title: t('columns.prefix'), dataIndex: 'prefix', render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
    { title: t('columns.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value, timeZone) },
    {
      title: t('columns.expiresAt'),
      dataIndex: 'expiresAt',
      render: (_v, row) =>
        row.expiresAt === null ? (
          t('never')
        ) : (
          <>
            {lastDay(row.expiresAt, timeZone)} {row.expired ? <Tag color="red">{t('expired')}</Tag> : null}
          </>
        ),
    },
    {
      title: t('columns.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (value: string | null) => (value === null ? t('notUsed') : formatDateTime(value, timeZone)),
    },
    {
      title: t('columns.actions'),
      key: 'actions',
      render: (_v, row) => (
        <Popconfirm
          title={t('revokeConfirm', { name: row.name })}
          description={t('revokeEffect')}
          okText={t('revoke')}
          cancelText={tc('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => onRevoke(row)}
        >
          <Button size="small" danger loading={revoke.isPending && revoke.variables === row.id} aria-label={`${t('revoke')} ${row.name}`}>
            {t('revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('title')}</h2>} style={{ marginTop: 24 }}>
      <Typography.Paragraph>
        {t('intro')}{' '}
        <a href="/api/docs" style={{ textDecoration: 'underline' }}>
          {t('docs')}
        </a>
      </Typography.Paragraph>
      {created === null ? null : <ApiTokenCreated created={created} onClose={() => setCreated(null)} />}
      <FormAlert message={alert} />
      <Form form={form} layout="inline" onFinish={onFinish} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('form.name')} name="name" rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }, { max: 100 }]}>
          <Input placeholder={t('form.namePlaceholder')} maxLength={100} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label={t('form.expiresOn')} name="expiresOn" tooltip={t('form.expiresOnHelp')}>
          <DayPicker format={[...DAY_FORMATS]} disabledDate={(day) => day.isBefore(today, 'day')} placeholder={t('never')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('form.submit')}
          </Button>
        </Form.Item>
      </Form>
      <Table<ApiTokenResponse>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tokens.data ?? []}
        loading={tokens.isLoading}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true, showTotal: (count) => t('total', { count }) }}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
