import { useState } from 'react';
import { Button, Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ActiveStatus } from '../../../../src/accounts/accounts.schemas.js';
import type { RegistrantKind } from '../../../../src/registrants/registrants.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRegistrantList, type RegistrantFilter } from './api';
import { CreateRegistrantModal } from './CreateRegistrantModal';
import { ACTIVE_STATUSES, REGISTRANT_KINDS } from './labels';
import { RegistrantExports } from './RegistrantExports';
import { RegistrantListingTable } from './RegistrantListingTable';
import { RegistrantFilters, type FilterValues } from './RegistrantFilters';
import { RegistrantTable } from './RegistrantTable';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** Filter and page live in the URL, so Back and shared links keep them. */
function readFilter(params: URLSearchParams): RegistrantFilter {
  const page = Number(params.get('page'));
  const q = params.get('q')?.trim();
  const kind: RegistrantKind | undefined = oneOf(REGISTRANT_KINDS, params.get('kind'));
  const status: ActiveStatus | undefined = oneOf(ACTIVE_STATUSES, params.get('status'));
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    ...(q ? { q } : {}),
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
  };
}

function toParams(filter: RegistrantFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.page > 1) {
    out['page'] = String(filter.page);
  }
  for (const key of ['q', 'kind', 'status'] as const) {
    const value = filter[key];
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}

export function RegistrantListPage() {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('registrantAdmin');
  const [params, setParams] = useSearchParams();
  // 搜尋 or one of the two ISO 3901 listings; in the URL like the filter.
  const view = oneOf(['search', 'code', 'name'] as const, params.get('view')) ?? 'search';
  const filter = readFilter(params);
  const list = useRegistrantList(filter);
  const [creating, setCreating] = useState(false);

  const setFilter = (next: FilterValues) => setParams(toParams({ page: 1, ...next }));
  const setPage = (page: number) => setParams(toParams({ ...filter, page }));

  return (
    <>
      <PageTitle
        title={t('registrants.title')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('registrants.create')}
          </Button>
        }
      />
      <Card>
        <Tabs
          activeKey={view}
          onChange={(key) => setParams(key === 'search' ? toParams(filter) : { view: key })}
          items={[
            {
              key: 'search',
              label: tr('listing.search'),
              children: (
                <>
                  <RegistrantFilters value={filter} onChange={setFilter} />
                  {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
                  <RegistrantTable
                    data={list.data}
                    loading={list.isFetching}
                    filtered={filter.q !== undefined || filter.kind !== undefined || filter.status !== undefined}
                    onPageChange={setPage}
                  />
                  <RegistrantExports />
                </>
              ),
            },
            { key: 'code', label: tr('listing.byCode'), children: <RegistrantListingTable order="code" /> },
            { key: 'name', label: tr('listing.byName'), children: <RegistrantListingTable order="name" /> },
          ]}
        />
      </Card>
      <CreateRegistrantModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
