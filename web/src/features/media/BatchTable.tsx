import type { CSSProperties, ReactNode } from 'react';
import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

/** Text colours checked for AA contrast on their backgrounds. */
const GREY: CSSProperties = { color: '#595959', background: '#f5f5f5', borderColor: '#bfbfbf' };
const BLUE: CSSProperties = { color: '#0444a8', background: '#e6f4ff', borderColor: '#91caff' };
const GREEN: CSSProperties = { color: '#1e6b2f', background: '#e8f5e9', borderColor: '#9fd3a8' };
const RED: CSSProperties = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };
const ORANGE: CSSProperties = { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' };

export type RowTone = 'grey' | 'blue' | 'green' | 'red' | 'orange';
const TONES: Record<RowTone, CSSProperties> = { grey: GREY, blue: BLUE, green: GREEN, red: RED, orange: ORANGE };

/** A status in words on a coloured tag. */
export function StatusWord({ text, tone }: { text: string; tone: RowTone }) {
  return <Tag style={{ ...TONES[tone], marginInlineEnd: 0 }}>{text}</Tag>;
}

export interface BatchRow {
  key: string;
  fileName: string;
  track: string | null;
  status: ReactNode;
  message: ReactNode;
}

/** 檔名, 曲目, 狀態, 訊息: the preview before sending, the bars while sending, the results after. */
export function BatchTable({ rows }: { rows: readonly BatchRow[] }) {
  const { t } = useTranslation('media');
  const columns: TableColumnsType<BatchRow> = [
    { title: t('batch.columns.file'), dataIndex: 'fileName', render: (_v, row) => <span className="batch-file-name">{row.fileName}</span> },
    { title: t('batch.columns.track'), dataIndex: 'track', render: (_v, row) => row.track ?? '—' },
    { title: t('batch.columns.status'), dataIndex: 'status', render: (_v, row) => <div className="batch-status">{row.status}</div> },
    { title: t('batch.columns.message'), dataIndex: 'message', render: (_v, row) => <div className="batch-message">{row.message}</div> },
  ];
  return (
    <Table<BatchRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
    />
  );
}
