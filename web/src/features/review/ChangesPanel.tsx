import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangesResponse } from '../../../../src/review/review.schemas.js';
import { useCatalogLocale } from '../albums/catalog-locale';
import { formatFieldValue } from './field-values';

interface Change {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** 與上次送審相比的變更: album fields, tracks added, removed and changed, field by field. */
export function ChangesPanel({ changes }: { changes: ChangesResponse }) {
  const { t } = useTranslation('review');
  const locale = useCatalogLocale();
  const yesNo = { yes: t('album.yes'), no: t('album.no') };
  const line = (c: Change) => (
    <li key={c.field}>
      {t('changes.field', {
        field: t(`fields.${c.field}` as 'fields.title', { defaultValue: c.field }),
        before: formatFieldValue(c.field, c.before, locale, yesNo),
        after: formatFieldValue(c.field, c.after, locale, yesNo),
      })}
    </li>
  );
  let body;
  if (changes.basis === 'first') {
    body = <Typography.Paragraph>{t('changes.first')}</Typography.Paragraph>;
  } else if (changes.basis === 'unavailable') {
    body = <Alert type="info" showIcon title={t('changes.unavailable', { round: changes.previousRound })} />;
  } else if (changes.album.length + changes.tracksAdded.length + changes.tracksRemoved.length + changes.tracksChanged.length === 0) {
    body = <Typography.Paragraph>{t('changes.none', { round: changes.previousRound })}</Typography.Paragraph>;
  } else {
    body = (
      <>
        <Typography.Paragraph>{t('changes.since', { round: changes.previousRound })}</Typography.Paragraph>
        <ul>
          {changes.album.length > 0 ? (
            <li>
              {t('changes.album')}
              <ul>{changes.album.map(line)}</ul>
            </li>
          ) : null}
          {changes.tracksAdded.map((tr) => (
            <li key={`added-${tr.recordingId}`}>{t('changes.added', { position: tr.position, title: tr.title })}</li>
          ))}
          {changes.tracksRemoved.map((tr) => (
            <li key={`removed-${tr.recordingId}`}>{t('changes.removed', { position: tr.position, title: tr.title })}</li>
          ))}
          {changes.tracksChanged.map((tr) => (
            <li key={`changed-${tr.recordingId}`}>
              {t('changes.changed', { position: tr.position, title: tr.title })}
              <ul>{tr.changes.map(line)}</ul>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading" style={{ fontSize: 18 }}>
        {t('changes.heading')}
      </h2>
      {body}
    </section>
  );
}
