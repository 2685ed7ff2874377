import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useReviewTodo } from './api';

const ITEMS = [
  { key: 'albumsWaiting', to: '/review' },
  { key: 'applicationsPending', to: '/admin/applications' },
  { key: 'changeRequestsPending', to: '/admin/change-requests' },
  { key: 'depositsDue', to: '/admin/deposits' },
] as const;

/** The officer's 待辦事項: what waits for the agency, each linking to where it is done. */
export function TodoSummary() {
  const { t } = useTranslation('review');
  const todo = useReviewTodo();
  if (todo.isError) {
    return <ErrorAlert error={todo.error} onRetry={() => void todo.refetch()} />;
  }
  return (
    <section aria-labelledby="todo-heading" style={{ marginBottom: 24 }}>
      <h2 id="todo-heading" style={{ fontSize: 18 }}>
        {t('todo.heading')}
      </h2>
      <Row gutter={[16, 16]}>
        {ITEMS.map((item) => (
          <Col key={item.key} xs={24} sm={12} lg={6}>
            <Card size="small" loading={todo.isPending}>
              <Link to={item.to}>
                {/* The name is text, not an aria-label: an English label cannot hold the visible title and count word for word. */}
                <span className="visually-hidden">{t('todo.linkName', { label: t(`todo.${item.key}`), count: todo.data?.[item.key] ?? 0 })}</span>
                <div aria-hidden="true">
                  <Statistic title={t(`todo.${item.key}`)} value={todo.data?.[item.key] ?? 0} />
                </div>
              </Link>
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}
