import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useDocumentTitle } from '../lib/use-document-title';

/** The page's single <h1>, optional actions beside it, and the matching document title. */
export function PageTitle({ title, extra, tag }: { title: string; extra?: ReactNode; tag?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Flex className="page-title" justify="space-between" align="center" wrap gap="middle">
      <Flex align="center" gap="small" wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {title}
        </Typography.Title>
        {tag}
      </Flex>
      {extra === undefined ? null : (
        <Flex gap="small" wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
