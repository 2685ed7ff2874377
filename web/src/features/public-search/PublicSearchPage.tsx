import { Alert, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PUBLIC_SEARCH_MAX_PAGE } from '../../../../src/public-search/public-search.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { SearchBox } from '../../components/SearchBox';
import { retryAfterSeconds, usePublicSearch, type PublicSearchParams } from './api';
import { PublicSearchResults } from './PublicSearchResults';

/** The query and page live in the URL, so Back and shared links keep them. */
function readParams(params: URLSearchParams): PublicSearchParams | undefined {
  const q = params.get('q')?.trim().slice(0, 100);
  if (!q) {
    return undefined;
  }
  const page = Number(params.get('page'));
  return { q, page: Number.isInteger(page) && page > 1 && page <= PUBLIC_SEARCH_MAX_PAGE ? page : 1 };
}

/** 公開 ISRC 查詢: anyone, without logging in (linked from the login page). */
export function PublicSearchPage() {
  const { t } = useTranslation('publicSearch');
  const [urlParams, setUrlParams] = useSearchParams();
  const params = readParams(urlParams);
  const search = usePublicSearch(params);
  const limitedFor = retryAfterSeconds(search.error);

  const submit = (text: string) => {
    setUrlParams(text === '' ? {} : { q: text });
  };
  const showPage = (page: number) => {
    if (params !== undefined) {
      setUrlParams(page > 1 ? { q: params.q, page: String(page) } : { q: params.q });
    }
  };

  return (
    <>
      <PageTitle title={t('title')} extra={<Link to="/login">{t('backToLogin')}</Link>} />
      <SearchBox
        id="public-search-q"
        name={t('title')}
        label={t('box.label')}
        placeholder={t('box.placeholder')}
        help={t('box.help')}
        submitText={t('box.submit')}
        maxLength={100}
        value={params?.q}
        onSearch={submit}
        intro={<Typography.Paragraph>{t('intro')}</Typography.Paragraph>}
      />
      <Alert type="info" showIcon title={t('yearNote.title')} description={t('yearNote.text')} style={{ marginTop: 16 }} />
      <div style={{ marginTop: 16 }}>
        {limitedFor !== undefined ? (
          <Alert type="warning" showIcon role="alert" title={t('rateLimited.title')} description={t('rateLimited.text', { seconds: limitedFor })} />
        ) : search.isError ? (
          <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />
        ) : params === undefined ? (
          <Typography.Paragraph type="secondary">{t('start')}</Typography.Paragraph>
        ) : search.data === undefined ? null : (
          <PublicSearchResults data={search.data} loading={search.isFetching} onPage={showPage} />
        )}
      </div>
    </>
  );
}
