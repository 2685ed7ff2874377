import { useEffect } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PUBLIC_SEARCH_MAX_PAGE } from '../../../../src/public-search/public-search.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
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
  const [form] = Form.useForm<{ q: string }>();
  const limitedFor = retryAfterSeconds(search.error);

  useEffect(() => {
    form.setFieldsValue({ q: params?.q ?? '' });
  }, [form, params?.q]);

  const submit = ({ q }: { q?: string }) => {
    const text = q?.trim() ?? '';
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
      <Card>
        <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} role="search" aria-label={t('title')}>
          <Form.Item label={t('box.label')} htmlFor="public-search-q" style={{ marginBottom: 8 }}>
            <Flex gap="small" wrap>
              <Form.Item name="q" noStyle>
                <Input
                  id="public-search-q"
                  aria-describedby="public-search-help"
                  allowClear
                  maxLength={100}
                  placeholder={t('box.placeholder')}
                  style={{ maxWidth: 520, flex: '1 1 280px' }}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                {t('box.submit')}
              </Button>
            </Flex>
          </Form.Item>
          <Typography.Paragraph id="public-search-help" type="secondary" style={{ marginBottom: 0 }}>
            {t('box.help')}
          </Typography.Paragraph>
        </Form>
      </Card>
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
