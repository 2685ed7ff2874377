import type { ReactNode } from 'react';
import { Card } from 'antd';

/** A page section with a real <h2> heading, so the outline reads h1 → h2. */
export function SectionCard({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{title}</h2>} extra={extra} style={{ marginBottom: 24 }}>
      {children}
    </Card>
  );
}
