import { useEffect } from 'react';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SEARCH_GROUPS, SEARCH_MAX_PAGE, type SearchGroupName } from '../../../../src/search/search.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
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
  const [form] = Form.useForm<{ q: string }>();

  useEffect(() => {
    form.setFieldsValue({ q: params?.q ?? '' });
  }, [form, params?.q]);

  const submit = ({ q }: { q?: string }) => {
    const text = q?.trim() ?? '';
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
      <Card>
        <Form form={form} layout="vertical" onFinish={submit} role="search" aria-label={t('title')}>
          <Form.Item label={t('box.label')} htmlFor="search-q" style={{ marginBottom: 8 }}>
            <Flex gap="small" wrap>
              <Form.Item name="q" noStyle>
                <Input
                  id="search-q"
                  aria-describedby="search-help"
                  allowClear
                  maxLength={200}
                  placeholder={t('box.placeholder')}
                  style={{ maxWidth: 520, flex: '1 1 280px' }}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                {t('box.submit')}
              </Button>
            </Flex>
          </Form.Item>
          <Typography.Paragraph id="search-help" type="secondary" style={{ marginBottom: 0 }}>
            {t('box.help')}
          </Typography.Paragraph>
        </Form>
      </Card>
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
