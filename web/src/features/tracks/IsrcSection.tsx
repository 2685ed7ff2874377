import { Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import { checkIsrc, type IsrcParts } from '../../../../src/isrc/index.js';
import { useAgency } from '../agency/use-agency';
import { useCatalogLocale } from '../albums/catalog-locale';
import { ownIsrcExample } from './isrc-example';
import { useCurrentMe } from '../../app/me-context';
import { useOwnCodeYears } from './api';
import { isrcRules, ownCodeYearProblem, type CodeYears } from './isrc-rules';
import { NextIsrcPreview } from './NextIsrcPreview';
import type { IsrcMode, TrackFormValues } from './track-values';

interface Props {
  track: TrackResponse | undefined;
  /** The company's registrant codes, when known. */
  codes: readonly string[] | undefined;
  /** 回溯編碼: the album may carry own codes from before its registrant code was allocated. */
  retroactive: boolean;
}

/** ISRC編號 for companies: 自行輸入 / 下一個可用編號 / 境外錄音 ISRC. */
export function IsrcSection({ track, codes, retroactive }: Props) {
  const { t } = useTranslation();
  const locale = useCatalogLocale();
  const { agencyYear, countryCode } = useAgency();
  const form = Form.useFormInstance<TrackFormValues>();
  const years: CodeYears = { allocatedYears: useOwnCodeYears(useCurrentMe().registrant?.id, true).data, retroactive };
  const mode = Form.useWatch<IsrcMode | undefined>('isrcMode', form) ?? 'own';
  const typed = Form.useWatch<string | undefined>('isrc', form) ?? '';
  const checked =
    typed.trim() === '' ? null : checkIsrc(typed, { purpose: mode === 'own' ? 'allocate' : 'report-foreign', currentYear: agencyYear() });
  const current = track?.recording;
  const ours = (code: string) => mode !== 'own' || codes === undefined || codes.length === 0 || codes.includes(code);
  const yearFits = (parts: IsrcParts) => mode !== 'own' || ownCodeYearProblem(parts, years) === undefined;
  // The example is the registrant's own code; a foreign recording's code is not ours to suggest.
  const example = mode === 'own' ? ownIsrcExample(countryCode, codes, agencyYear()) : undefined;
  const help =
    mode !== 'own'
      ? t('tracks.isrc.foreignHelp')
      : example === undefined
        ? t('tracks.isrc.ownHelpNoExample')
        : t('tracks.isrc.ownHelp', { example: example.display, compact: example.compact });
  const willUse =
    checked?.valid === true && checked.warnings.length === 0 && ours(checked.parts.registrantCode) && yearFits(checked.parts)
      ? checked.display
      : null;

  return (
    <>
      {current?.isrcDisplay ? (
        <Form.Item label={t('tracks.isrc.current')}>
          <Typography.Text strong className="ant-form-text">
            {current.isrcDisplay}
          </Typography.Text>
        </Form.Item>
      ) : null}
      <Form.Item label={t('tracks.fields.isrcNumber')} required>
        <Form.Item name="isrcMode" noStyle>
          <Radio.Group
            aria-label={t('tracks.isrc.modeLabel')}
            options={(['own', 'next', 'foreign'] as const).map((value) => ({ value, label: t(`tracks.isrc.modes.${value}`) }))}
            onChange={() => form.setFields([{ name: 'isrc', errors: [], warnings: [] }])}
          />
        </Form.Item>
        {mode === 'next' ? (
          <div style={{ marginTop: 8 }}>
            {codes !== undefined && codes.length > 1 ? (
              <Form.Item label={t('tracks.isrc.registrantCode')} name="registrantCode" style={{ marginBottom: 8 }}>
                <Select options={codes.map((code) => ({ value: code, label: code }))} placeholder={codes[0]} allowClear style={{ maxWidth: 200 }} />
              </Form.Item>
            ) : null}
            <NextIsrcPreview current={current?.isrcSource === 'system' ? current.isrcDisplay : null} />
          </div>
        ) : (
          <Form.Item
            name="isrc"
            dependencies={['isrcMode', 'producedAbroad']}
            rules={isrcRules(t, locale, codes, agencyYear, years)}
            style={{ marginTop: 8, marginBottom: 0 }}
            extra={willUse !== null ? t('tracks.isrc.willUse', { display: willUse }) : help}
          >
            <Input
              aria-label={t(mode === 'own' ? 'tracks.isrc.ownLabel' : 'tracks.isrc.foreignLabel')}
              maxLength={40}
              placeholder={example?.display}
              autoComplete="off"
              spellCheck={false}
              style={{ maxWidth: 280 }}
            />
          </Form.Item>
        )}
      </Form.Item>
    </>
  );
}
