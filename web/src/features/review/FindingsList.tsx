import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FindingResponse } from '../../../../src/review/review.schemas.js';
import { useCatalogLocale } from '../albums/catalog-locale';

/** Severity as a word in a coloured tag: the colour never carries the meaning alone. */
const COLOURS = { error: 'red', warning: 'gold', info: 'blue' } as const;

export function SeverityTag({ severity }: { severity: FindingResponse['severity'] }) {
  const { t } = useTranslation('review');
  return (
    <Tag color={COLOURS[severity]} style={{ color: severity === 'warning' ? '#7c4a00' : undefined }}>
      {t(`findings.severity.${severity}`)}
    </Tag>
  );
}

/** 檢查結果: the server's findings, errors first, each a plain sentence. */
export function FindingsList({ findings }: { findings: readonly FindingResponse[] }) {
  const { t } = useTranslation('review');
  const locale = useCatalogLocale();
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading" style={{ fontSize: 18 }}>
        {t('findings.heading')}
      </h2>
      {findings.length === 0 ? (
        <Typography.Paragraph>{t('findings.none')}</Typography.Paragraph>
      ) : (
        <List
          size="small"
          bordered
          dataSource={[...findings]}
          renderItem={(f) => (
            <List.Item>
              <span>
                <SeverityTag severity={f.severity} />
                {f.message[locale]}
              </span>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
