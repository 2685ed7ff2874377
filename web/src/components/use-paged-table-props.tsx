import { Empty, type TableProps } from 'antd';
import { useNavigate } from 'react-router';

interface PageData<T> {
  items: T[];
  page: number;
  total: number;
}

interface Options<T> {
  data: PageData<T> | undefined;
  loading: boolean;
  pageSize: number;
  /** Where a click on a row (outside its links) goes. */
  rowPath: (row: T) => string;
  emptyText: string;
  totalText: (total: number) => string;
  onPageChange: (page: number) => void;
}

/**
 * The props every paged list of the agency shares (審核 queue, 登記者 …): server-side pages of a
 * fixed size, the count beside the pager, rows that open their page when clicked outside a link,
 * and a horizontal scroll rather than squeezed columns on a narrow screen.
 */
export function usePagedTableProps<T extends { id: string }>(options: Options<T>): TableProps<T> {
  const navigate = useNavigate();
  const { data, rowPath } = options;
  return {
    scroll: { x: 'max-content' },
    className: 'clickable-rows',
    rowKey: 'id',
    dataSource: data?.items ?? [],
    loading: options.loading,
    onRow: (row) => ({
      onClick: (event) => {
        // A click on the row's own link is the link's.
        if (!(event.target instanceof Element) || event.target.closest('a') === null) {
          void navigate(rowPath(row));
        }
      },
    }),
    locale: { emptyText: <Empty description={options.emptyText} /> },
    pagination: {
      current: data?.page ?? 1,
      pageSize: options.pageSize,
      total: data?.total ?? 0,
      showSizeChanger: false,
      showTotal: options.totalText,
      onChange: options.onPageChange,
      hideOnSinglePage: false,
    },
  };
}
