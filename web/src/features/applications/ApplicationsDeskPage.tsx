import { Card, Empty, Flex, Input, Radio, Table, type TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApplicationResponse, ApplicationStatus } from '../../../../src/applications/applications.schemas.js';
import { REQUEST_STATUSES } from '../../../../src/shared/enums.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useAgency } from '../agency/use-agency';
import { ApplicationStatusTag } from './ApplicationStatusTag';
import { PAGE_SIZE, useApplicationList, type ApplicationFilter } from './api';

type StatusChoice = ApplicationStatus | 'all';

/** Filter and page live in the URL, so Back and shared links keep them; 審核中 is the default view. */
function readFilter(params: URLSearchParams): { filter: ApplicationFilter; choice: StatusChoice } {
  const page = Number(params.get('page'));
  const q = params.get('q')?.trim();
  const raw = params.get('status');
  const choice: StatusChoice = raw === 'all' ? 'all' : (REQUEST_STATUSES.find((s) => s === raw) ?? 'pending');
  return {
    choice,
    filter: { page: Number.isInteger(page) && page > 0 ? page : 1, ...(q ? { q } : {}), ...(choice === 'all' ? {} : { status: choice }) },
  };
}

/** 登記者代碼申請 (officers): the queue, oldest pending first, 10 a page. */
export function ApplicationsDeskPage() {
  const { t } = useTranslation('applications');
  const { formatDate } = useAgency();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { filter, choice } = readFilter(params);
  const list = useApplicationList(filter);
  const detailPath = (id: string) => `/admin/applications/${encodeURIComponent(id)}`;

  const update = (next: { status?: StatusChoice; q?: string; page?: number }) => {
    const status = next.status ?? choice;
    const q = next.q ?? filter.q ?? '';
    const page = next.page ?? 1;
    setParams({ ...(status === 'pending' ? {} : { status }), ...(q === '' ? {} : { q }), ...(page > 1 ? { page: String(page) } : {}) });
  };

  const columns: TableColumnsType<ApplicationResponse> = [
    { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (_v, row) => formatDate(row.createdAt) },
    { title: t('desk.name'), dataIndex: 'name', render: (_v, row) => <Link to={detailPath(row.id)}>{row.name}</Link> },
    { title: t('fields.kind'), dataIndex: 'kind', render: (_v, row) => t(`kinds.${row.kind}`) },
    { title: t('fields.registrationNumber.individual'), dataIndex: 'registrationNumber', render: (_v, row) => row.registrationNumber || '—' },
    { title: t('fields.contactPerson'), dataIndex: 'contactPerson' },
    { title: t('fields.status'), dataIndex: 'status', render: (_v, row) => <ApplicationStatusTag status={row.status} /> },
    { title: t('fields.registrantCode'), dataIndex: 'registrantCode', render: (_v, row) => row.registrantCode ?? '—' },
  ];

  return (
    <>
      <PageTitle title={t('desk.title')} />
      <Card>
        <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }}>
          <Radio.Group
            aria-label={t('desk.statusFilter')}
            optionType="button"
            value={choice}
            onChange={(event) => update({ status: event.target.value as StatusChoice })}
            options={[
              ...REQUEST_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
              { value: 'all', label: t('desk.allStatuses') },
            ]}
          />
          <Input.Search
            aria-label={t('desk.search')}
            placeholder={t('desk.search')}
            allowClear
            defaultValue={filter.q}
            onSearch={(q) => update({ q: q.trim() })}
            style={{ width: 320 }}
          />
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<ApplicationResponse>
          scroll={{ x: 'max-content' }}
          className="clickable-rows"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onRow={(row) => ({
            onClick: (event) => {
              if (!(event.target instanceof Element) || event.target.closest('a') === null) {
                void navigate(detailPath(row.id));
              }
            },
          })}
          locale={{ emptyText: <Empty description={filter.q !== undefined ? t('desk.emptyFiltered') : t('desk.empty')} /> }}
          pagination={{
            current: list.data?.page ?? filter.page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('desk.total', { total }),
            onChange: (page) => update({ page }),
            hideOnSinglePage: false,
          }}
        />
      </Card>
    </>
  );
}
