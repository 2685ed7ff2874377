import { Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SEARCH_GROUPS, SEARCH_MAX_PAGE, type SearchGroupName } from '../../../../src/search/search.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { SearchBox } from '../../components/SearchBox';
import { useAgencySearch, type SearchParams } from './api';
import { SearchResults } from './SearchResults';

/** The query, the group being paged and the page live in the URL, so Back and shared links keep them. */
function readParams(params: URLSearchParams): SearchParams | undefined {
  const q = params.get('q')?.trim().slice(0, 200);
  if (!q) {
    return undefined;
  }
  const kind = SEARCH_GROUPS.find((g) => g === params.get('kind'));
  const page = Number(params.get('page'));
  return { q, ...(kind ? { kind } : {}), page: kind && Number.isInteger(page) && page > 1 && page <= SEARCH_MAX_PAGE ? page : 1 };
}

function toParams(next: SearchParams): Record<string, string> {
  return { q: next.q, ...(next.kind ? { kind: next.kind } : {}), ...(next.page > 1 ? { page: String(next.page) } : {}) };
}

/** 查詢: one box over every registrant's catalogue (staff). */
export function SearchPage() {
  const { t } = useTranslation('search');
  const [urlParams, setUrlParams] = useSearchParams();
  const params = readParams(urlParams);
  const search = useAgencySearch(params);

  const submit = (text: string) => {
    setUrlParams(text === '' ? {} : toParams({ q: text, page: 1 }));
  };
  const show = (kind: SearchGroupName | undefined, page = 1) => {
    if (params !== undefined) {
      setUrlParams(toParams({ q: params.q, ...(kind ? { kind } : {}), page }));
    }
  };

  return (
    <>
      <PageTitle title={t('title')} />
      <SearchBox
        id="search-q"
        name={t('title')}
        label={t('box.label')}
        placeholder={t('box.placeholder')}
        help={t('box.help')}
        submitText={t('box.submit')}
        maxLength={200}
        value={params?.q}
        onSearch={submit}
      />
      {search.isError ? <ErrorAlert error={search.error} onRetry={() => void search.refetch()} /> : null}
      {params === undefined ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('start')}
        </Typography.Paragraph>
      ) : search.data === undefined ? null : (
        <SearchResults data={search.data} kind={params.kind} loading={search.isFetching} onShow={show} />
      )}
    </>
  );
}
