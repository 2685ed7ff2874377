import { useId, useMemo, useState } from 'react';
import { Descriptions, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkIsrc, isrcErrorMessage, isrcWarningMessage, type IsrcLocale, type IsrcPurpose } from '../../../../src/isrc/index.js';
import { SectionCard } from '../../components/SectionCard';
import { useAgency } from '../agency/use-agency';

const PURPOSES: readonly IsrcPurpose[] = ['report-foreign', 'allocate'];

/** Checks an ISRC as it is typed, in the browser, with the same rules as the server. */
export function IsrcCheck() {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const [input, setInput] = useState('');
  const [purpose, setPurpose] = useState<IsrcPurpose>('report-foreign');
  const locale: IsrcLocale = i18n.language === 'en' ? 'en' : 'zh-TW';
  const { agencyYear } = useAgency();

  const result = useMemo(() => (input.trim() === '' ? null : checkIsrc(input, { purpose, currentYear: agencyYear() })), [input, purpose, agencyYear]);

  const warnings = result?.warnings.map((warning) => isrcWarningMessage(warning, locale)) ?? [];
  const status = result === null ? undefined : !result.valid ? 'error' : warnings.length > 0 ? 'warning' : 'success';
  const help =
    result === null
      ? undefined
      : result.valid
        ? [t('isrcCheck.valid', { display: result.display }), ...warnings].join(' ')
        : isrcErrorMessage(result.error, locale);

  return (
    <SectionCard title={t('isrcCheck.title')}>
      <Typography.Paragraph>{t('isrcCheck.intro')}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 480 }} component="div">
        <Form.Item label={t('isrcCheck.purpose')}>
          <Radio.Group
            value={purpose}
            aria-label={t('isrcCheck.purpose')}
            onChange={(event) => setPurpose(event.target.value === 'allocate' ? 'allocate' : 'report-foreign')}
            options={PURPOSES.map((value) => ({ value, label: t(`isrcCheck.purposes.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('isrcCheck.label')}
          htmlFor={inputId}
          hasFeedback={status !== undefined}
          validateStatus={status}
          help={help}
          extra={t('isrcCheck.hint')}
        >
          <Input
            id={inputId}
            value={input}
            onChange={(event) => setInput(event.target.value)}
            placeholder="TW-A01-26-00001"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
          />
        </Form.Item>
      </Form>
      <div className="visually-hidden" aria-live="polite">
        {help}
      </div>
      {result?.valid ? (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2, md: 4 }}
          items={[
            { key: 'country', label: t('isrcCheck.parts.country'), children: result.parts.countryCode },
            { key: 'registrant', label: t('isrcCheck.parts.registrant'), children: result.parts.registrantCode },
            { key: 'year', label: t('isrcCheck.parts.year'), children: String(result.parts.yearOfReference).padStart(2, '0') },
            { key: 'designation', label: t('isrcCheck.parts.designation'), children: String(result.parts.designation).padStart(5, '0') },
          ]}
        />
      ) : null}
    </SectionCard>
  );
}
